package org.patientportal.web.audit;

import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.patientportal.audit.boundary.KeycloakEventImport;
import org.patientportal.audit.entity.KeycloakUnavailableException;
import org.patientportal.web.api.Problem;

/**
 * {@code POST /api/v1/audit/keycloak-events/import}: imports Keycloak's sign-in events into the
 * access log now rather than at the next interval, for auditors and administrators (the boundary
 * enforces the roles and records the request). An unreachable Keycloak is a 503 problem.
 */
@Path("audit/keycloak-events")
@Produces(MediaType.APPLICATION_JSON)
public class KeycloakEventsResource {

  /** What an import did: the events it recorded. */
  public record Imported(int imported) {}

  @EJB KeycloakEventImport importer;
  @Context UriInfo uriInfo;

  @POST
  @Path("import")
  public Response importNow() {
    try {
      return Response.ok(new Imported(importer.importNow())).build();
    } catch (KeycloakUnavailableException e) {
      return Response.fromResponse(
              Problem.of(
                      Response.Status.SERVICE_UNAVAILABLE,
                      "keycloak-unavailable",
                      "Keycloak's event store cannot be read just now; the events are imported"
                          + " when it answers again.",
                      uriInfo.getRequestUri().getPath())
                  .toResponse())
          .header("Retry-After", "60")
          .build();
    }
  }
}

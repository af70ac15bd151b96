package org.patientportal.web.identity;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.patientportal.identity.boundary.IdentityService;

/** {@code GET /api/v1/me}: who the bearer token speaks for, and their portal roles. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  /** The representation of the caller. */
  public record Me(String username, List<String> roles) {}

  @EJB IdentityService identity;
  @Context SecurityContext security;

  @GET
  public Me me() {
    return new Me(security.getUserPrincipal().getName(), identity.myRoles());
  }
}

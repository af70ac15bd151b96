package org.patientportal.web.identity;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.patientportal.sessions.boundary.MySessions;
import org.patientportal.sessions.entity.SignInSession;

/**
 * {@code /api/v1/me/sessions}: the caller's signed-in sessions (GET), and {@code DELETE /{id}}
 * ending one of them → 204; a session that is not the caller's → 404 problem, audited.
 */
@Path("me/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

  @EJB MySessions sessions;
  @Context HttpServletRequest request;

  @GET
  public List<SignInSession> mine() {
    return sessions.list(CallerToken.of(request));
  }

  @DELETE
  @Path("{id}")
  public Response end(@PathParam("id") String id) {
    sessions.end(CallerToken.of(request), id);
    return Response.noContent().build();
  }
}

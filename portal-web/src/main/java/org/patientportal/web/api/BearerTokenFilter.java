package org.patientportal.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The API accepts only bearer tokens. WildFly's OIDC mechanism has already verified any token on
 * the request (signature, issuer, expiry, audience); this filter refuses requests that carry none,
 * or an invalid one, with 401 and a problem. A browser session cookie alone is not enough: that
 * keeps the API out of reach of cross-site requests riding on a signed-in browser.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

  static final String CHALLENGE = "Bearer realm=\"portal\"";

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (resource != null
        && resource.getResourceMethod() != null
        && resource.getResourceMethod().isAnnotationPresent(PublicCall.class)) {
      return;
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    if (!bearer) {
      request.abortWith(
          unauthorized(
              CHALLENGE,
              "This API needs a bearer token from the portal's Keycloak realm.",
              request));
    } else if (request.getSecurityContext().getUserPrincipal() == null) {
      request.abortWith(
          unauthorized(
              CHALLENGE + ", error=\"invalid_token\"",
              "The bearer token is not valid: it may have expired, or it was not issued for the portal.",
              request));
    }
  }

  private static Response unauthorized(
      String challenge, String detail, ContainerRequestContext request) {
    Problem problem =
        Problem.of(
            Response.Status.UNAUTHORIZED,
            "unauthorized",
            detail,
            request.getUriInfo().getRequestUri().getPath());
    return Response.fromResponse(problem.toResponse())
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
        .build();
  }
}

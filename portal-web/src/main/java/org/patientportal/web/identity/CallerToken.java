package org.patientportal.web.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.wildfly.security.http.oidc.OidcSecurityContext;
import org.wildfly.security.http.oidc.RefreshableOidcSecurityContext;

/**
 * The caller's own access token, for the few calls the portal makes to Keycloak as the caller
 * (their sessions): the bearer token of an API request, or the token WildFly's OIDC client keeps
 * for a signed-in browser, renewed first when it has run out.
 */
final class CallerToken {

  private CallerToken() {}

  static String of(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    Object context = request.getAttribute(OidcSecurityContext.class.getName());
    if (context == null) {
      HttpSession session = request.getSession(false);
      context = session == null ? null : session.getAttribute(OidcSecurityContext.class.getName());
    }
    if (context instanceof RefreshableOidcSecurityContext refreshable && !refreshable.isActive()) {
      refreshable.refreshToken(true);
    }
    return context instanceof OidcSecurityContext oidc ? oidc.getTokenString() : null;
  }
}

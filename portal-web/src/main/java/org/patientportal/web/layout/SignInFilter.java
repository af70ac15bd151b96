package org.patientportal.web.layout;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.patientportal.identity.boundary.IdentityService;
import org.patientportal.identity.entity.PortalUser;
import org.wildfly.security.http.oidc.IDToken;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * At the first request of a signed-in browser session, records the sign-in with the name and email
 * from Keycloak's ID token and fills {@link SessionUser}.
 */
@WebFilter(filterName = "SignInFilter", urlPatterns = "*.xhtml")
public class SignInFilter extends HttpFilter {

  @Inject SessionUser user;
  @EJB IdentityService identity;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getUserPrincipal() != null && !user.isSignedIn()) {
      IDToken token = idToken(req);
      String name = token == null ? null : token.getName();
      String email = token == null ? null : token.getEmail();
      PortalUser signedIn = identity.signIn(name, email);
      user.signedIn(signedIn, identity.myRoles());
    }
    chain.doFilter(req, res);
  }

  private static IDToken idToken(HttpServletRequest req) {
    Object context = req.getAttribute(OidcSecurityContext.class.getName());
    return context instanceof OidcSecurityContext oidc ? oidc.getIDToken() : null;
  }
}

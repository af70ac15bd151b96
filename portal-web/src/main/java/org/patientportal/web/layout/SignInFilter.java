package org.patientportal.web.layout;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.patientportal.identity.boundary.IdentityService;
import org.patientportal.identity.entity.PortalUser;
import org.patientportal.web.platform.SignedInSessions;
import org.wildfly.security.http.oidc.IDToken;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * At the first request of a signed-in browser session, records the sign-in with the name and email
 * from Keycloak's ID token and fills {@link SessionUser}. A request authenticated without an ID
 * token (never a browser sign-in) is refused rather than recorded with an empty profile. The
 * session is registered by its Keycloak session, for a back-channel logout to end it, and gets the
 * idle limit of {@link SessionLimits}. A session older than the limits' maximum is ended at its
 * next request, which goes to the signed-out page ({@code ?why=max}).
 */
@WebFilter(filterName = "SignInFilter", urlPatterns = "*.xhtml")
public class SignInFilter extends HttpFilter {

  @Inject SessionUser user;
  @EJB IdentityService identity;
  @Inject SignedInSessions sessions;
  @Inject SessionLimits limits;
  @Inject Clock clock;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (user.isSignedIn() && limits.outlived(user.getSignedInAt(), clock.instant())) {
      // signed in too long ago: the session ends, whatever its activity
      HttpSession session = req.getSession(false);
      req.logout();
      if (session != null) {
        try {
          session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
          // ended meanwhile
        }
      }
      res.sendRedirect(req.getContextPath() + "/signed-out.xhtml?why=max");
      return;
    }
    if (req.getUserPrincipal() != null && !user.isSignedIn()) {
      IDToken token = idToken(req);
      if (token == null) {
        // not a browser sign-in (an access token, say): it carries no profile to record, and the
        // stored name and email must not be overwritten with nothing
        res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
      PortalUser signedIn = identity.signIn(token.getName(), token.getEmail());
      user.signedIn(signedIn, identity.myRoles(), clock.instant());
      HttpSession session = req.getSession();
      session.setMaxInactiveInterval((int) limits.idle().toSeconds());
      sessions.signedIn(session, token.getClaimValueAsString("sid"), token.getSubject());
    }
    chain.doFilter(req, res);
  }

  private static IDToken idToken(HttpServletRequest req) {
    Object context = req.getAttribute(OidcSecurityContext.class.getName());
    return context instanceof OidcSecurityContext oidc ? oidc.getIDToken() : null;
  }
}

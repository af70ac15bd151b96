package org.patientportal.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /portal/logout/backchannel}: Keycloak's back-channel logout (OpenID Connect
 * Back-Channel Logout 1.0). When a user's Keycloak session ends (signed out elsewhere, ended by an
 * administrator, expired), Keycloak posts a signed logout token here and the portal ends the
 * browser sessions it belongs to at once, instead of serving them until the tokens expire. WildFly
 * 39's OIDC client has no back-channel logout of its own. No sign-in: the token is the credential.
 */
@WebServlet("/logout/backchannel")
public class BackChannelLogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(BackChannelLogoutServlet.class.getName());

  @Inject LogoutTokens tokens;
  @Inject SignedInSessions sessions;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setHeader("Cache-Control", "no-store");
    String token = req.getParameter("logout_token");
    if (token == null || token.isBlank()) {
      res.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    LogoutTokens.Logout logout;
    try {
      logout = tokens.verify(token);
    } catch (LogoutTokens.InvalidLogoutToken e) {
      LOG.log(Level.WARNING, "A back-channel logout token was refused: {0}", e.getMessage());
      res.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    int ended = sessions.end(logout.keycloakSession(), logout.subject());
    LOG.log(Level.FINE, "Back-channel logout ended {0} session(s)", ended);
    res.setStatus(HttpServletResponse.SC_OK);
  }
}

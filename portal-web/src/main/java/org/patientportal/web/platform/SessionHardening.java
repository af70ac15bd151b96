package org.patientportal.web.platform;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.session.SessionConfig;
import io.undertow.server.session.SessionCookieConfig;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.SessionConfigWrapper;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The browser session, hardened where the servlet API cannot reach (an Undertow extension of the
 * WAR, registered in META-INF/services):
 *
 * <ul>
 *   <li><b>A new session id at sign-in.</b> WildFly's OIDC mechanism keeps the session it found
 *       when Keycloak sends the browser back with the authorization code, so an id planted before
 *       sign-in (session fixation) would become the victim's signed-in session. The answer to that
 *       callback (a request with {@code code} and {@code state}) gets the session a new id, in the
 *       same response that completes the sign-in.
 *   <li><b>{@code __Host-} over HTTPS.</b> On a secure request the session cookie is {@code
 *       __Host-JSESSIONID}: Secure, for the whole host ({@code Path=/}), no Domain, so neither a
 *       plain-HTTP page nor a sibling sub-domain can set or overwrite it. Plain HTTP (the local
 *       demo only) keeps {@code JSESSIONID}.
 * </ul>
 */
public class SessionHardening implements ServletExtension {

  static final String HOST_COOKIE = "__Host-JSESSIONID";
  private static final Logger LOG = Logger.getLogger(SessionHardening.class.getName());

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    deployment.addOuterHandlerChainWrapper(SessionHardening::rotatingAtSignIn);
    SessionConfigWrapper existing = deployment.getSessionConfigWrapper();
    deployment.setSessionConfigWrapper(
        (config, d) -> {
          SessionCookieConfig host =
              new SessionCookieConfig()
                  .setCookieName(HOST_COOKIE)
                  .setPath("/")
                  .setSecure(true)
                  .setHttpOnly(true);
          return new ByScheme(
              existing == null ? config : existing.wrap(config, d),
              existing == null ? host : existing.wrap(host, d));
        });
  }

  private static HttpHandler rotatingAtSignIn(HttpHandler next) {
    return exchange -> {
      if (isOidcCallback(exchange)) {
        exchange.addResponseCommitListener(SessionHardening::newSessionId);
      }
      next.handleRequest(exchange);
    };
  }

  static boolean isOidcCallback(HttpServerExchange exchange) {
    return exchange.getQueryParameters().containsKey("code")
        && exchange.getQueryParameters().containsKey("state");
  }

  private static void newSessionId(HttpServerExchange exchange) {
    ServletRequestContext context = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
    if (context == null) {
      return;
    }
    HttpServletRequest request = context.getOriginalRequest();
    try {
      if (request.getSession(false) != null) {
        request.changeSessionId();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The session id could not be changed at sign-in", e);
    }
  }

  /** The {@code __Host-} cookie on secure requests, the container's own cookie otherwise. */
  private record ByScheme(SessionConfig plain, SessionConfig secure) implements SessionConfig {

    private SessionConfig of(HttpServerExchange exchange) {
      return exchange.isSecure() ? secure : plain;
    }

    @Override
    public void setSessionId(HttpServerExchange exchange, String sessionId) {
      of(exchange).setSessionId(exchange, sessionId);
    }

    @Override
    public void clearSession(HttpServerExchange exchange, String sessionId) {
      of(exchange).clearSession(exchange, sessionId);
    }

    @Override
    public String findSessionId(HttpServerExchange exchange) {
      return of(exchange).findSessionId(exchange);
    }

    @Override
    public SessionCookieSource sessionCookieSource(HttpServerExchange exchange) {
      return of(exchange).sessionCookieSource(exchange);
    }

    @Override
    public String rewriteUrl(String originalUrl, String sessionId) {
      return plain.rewriteUrl(originalUrl, sessionId);
    }
  }
}

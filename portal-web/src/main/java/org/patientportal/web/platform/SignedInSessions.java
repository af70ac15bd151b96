package org.patientportal.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browser sessions signed in on this node, by their Keycloak session ({@code sid}) and user
 * ({@code sub}), so that a back-channel logout from Keycloak ends them at once ({@link
 * BackChannelLogoutServlet}). Sessions register at sign-in ({@code SignInFilter}) and leave when
 * they end ({@link SignedInSessionsListener}).
 */
@ApplicationScoped
public class SignedInSessions {

  private final Map<String, Set<HttpSession>> byKeycloakSession = new ConcurrentHashMap<>();
  private final Map<String, Set<HttpSession>> bySubject = new ConcurrentHashMap<>();

  public void signedIn(HttpSession session, String keycloakSession, String subject) {
    if (keycloakSession != null) {
      byKeycloakSession
          .computeIfAbsent(keycloakSession, k -> ConcurrentHashMap.newKeySet())
          .add(session);
    }
    if (subject != null) {
      bySubject.computeIfAbsent(subject, k -> ConcurrentHashMap.newKeySet()).add(session);
    }
  }

  /**
   * Ends the sessions of one Keycloak session, or when the logout names none, every session of the
   * user (OpenID Connect Back-Channel Logout 1.0, 2.7); returns how many ended.
   */
  public int end(String keycloakSession, String subject) {
    Set<HttpSession> sessions =
        keycloakSession != null
            ? byKeycloakSession.remove(keycloakSession)
            : subject != null ? bySubject.remove(subject) : null;
    if (sessions == null) {
      return 0;
    }
    int ended = 0;
    for (HttpSession session : sessions) {
      try {
        session.invalidate();
        ended++;
      } catch (IllegalStateException alreadyEnded) {
        // signed out meanwhile
      }
    }
    return ended;
  }

  void ended(HttpSession session) {
    byKeycloakSession.values().forEach(s -> s.remove(session));
    bySubject.values().forEach(s -> s.remove(session));
    byKeycloakSession.values().removeIf(Set::isEmpty);
    bySubject.values().removeIf(Set::isEmpty);
  }
}

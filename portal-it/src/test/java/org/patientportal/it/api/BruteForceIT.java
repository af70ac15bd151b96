package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Portal;

/**
 * The realm's brute-force guard: after five wrong passwords an account is locked, and even the
 * right password is refused until the lock ends (here an administrator lifts it, so other tests can
 * use the account).
 */
class BruteForceIT {

  private static final String USER = "comms.diaz";

  @Test
  void fiveWrongPasswordsLockTheAccount() {
    for (int i = 0; i < 5; i++) {
      assertRefused(Portal.passwordGrant("portal", "portal-cli", USER, "Wrong-pass-" + i));
    }
    assertRefused(Portal.passwordGrant("portal", "portal-cli", USER, Portal.DEMO_PASSWORD));

    HttpResponse<String> status =
        admin("GET", "/attack-detection/brute-force/users/" + userId(USER));
    assertEquals(200, status.statusCode(), status.body());
    assertTrue(Portal.json(status.body()).get("disabled").asBoolean(), status.body());
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("invalid_grant", Portal.json(response.body()).get("error").asText());
  }

  @AfterEach
  void liftTheLock() {
    admin("DELETE", "/attack-detection/brute-force/users/" + userId(USER));
    assertEquals(
        200, Portal.passwordGrant("portal", "portal-cli", USER, Portal.DEMO_PASSWORD).statusCode());
  }

  private static String userId(String username) {
    HttpResponse<String> found = admin("GET", "/users?exact=true&username=" + username);
    return Portal.json(found.body()).get(0).get("id").asText();
  }

  /** A call to the admin API of the demo Keycloak, as its demo administrator. */
  private static HttpResponse<String> admin(String method, String path) {
    HttpResponse<String> token =
        Portal.passwordGrant("master", "admin-cli", "admin", "Demo-admin-2026");
    String accessToken = Portal.json(token.body()).get("access_token").asText();
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.KEYCLOAK + "/admin/realms/portal" + path))
            .header("Authorization", "Bearer " + accessToken)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }
}

package org.patientportal.it.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Portal;

/**
 * A sign-out in Keycloak reaches the portal: when an administrator ends a user's Keycloak sessions,
 * Keycloak's back-channel logout ends the user's portal session at once, and the next page sends
 * the browser to sign in again, long before any token would expire. A forged logout token ends
 * nothing.
 */
@Tag("browser")
class BackChannelLogoutIT {

  private static final String USER = "sam.rivera";

  @Test
  void endingTheUsersKeycloakSessionsEndsThePortalSession() {
    try (Browser browser = new Browser("en")) {
      browser.signIn(USER);
      String session = sessionCookie(browser);
      assertEquals(200, page(session).statusCode(), "signed in");

      HttpResponse<String> logout =
          admin("POST", "/admin/realms/portal/users/" + userId(USER) + "/logout");
      assertEquals(204, logout.statusCode(), logout.body());

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> page(session).statusCode(), status -> status == 302);
      browser.open(Portal.URL + "/index.xhtml");
      browser.waitFor(By.id("kc-login"));
      assertTrue(
          browser.driver().getCurrentUrl().startsWith(Portal.KEYCLOAK),
          browser.driver().getCurrentUrl());
    }
  }

  @Test
  void aForgedLogoutTokenIsRefusedAndEndsNothing() {
    try (Browser browser = new Browser("en")) {
      browser.signIn(USER);
      String session = sessionCookie(browser);
      // an unsigned token naming the user (alg none), and garbage
      String header = b64("{\"alg\":\"none\",\"typ\":\"logout+jwt\"}");
      String claims =
          b64(
              "{\"iss\":\""
                  + Portal.KEYCLOAK
                  + "/realms/portal\",\"aud\":\"portal-web\",\"iat\":"
                  + java.time.Instant.now().getEpochSecond()
                  + ",\"sub\":\""
                  + userId(USER)
                  + "\",\"events\":{\"http://schemas.openid.net/event/backchannel-logout\":{}}}");
      for (String token : new String[] {header + "." + claims + ".", "not-a-token"}) {
        HttpResponse<String> answer =
            Portal.send(
                HttpRequest.newBuilder(URI.create(Portal.URL + "/logout/backchannel"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + token))
                    .build());
        assertEquals(400, answer.statusCode());
      }
      assertEquals(200, page(session).statusCode(), "still signed in");
    }
  }

  private static String b64(String json) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String sessionCookie(Browser browser) {
    Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
    return cookie.getValue();
  }

  private static HttpResponse<String> page(String session) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/index.xhtml"))
            .header("Cookie", "JSESSIONID=" + session)
            .build());
  }

  private static String userId(String username) {
    HttpResponse<String> users =
        admin("GET", "/admin/realms/portal/users?exact=true&username=" + username);
    assertEquals(200, users.statusCode(), users.body());
    JsonNode found = Portal.json(users.body());
    return found.get(0).get("id").asText();
  }

  private static HttpResponse<String> admin(String method, String path) {
    HttpResponse<String> token =
        Portal.passwordGrant("master", "admin-cli", "admin", "Demo-admin-2026");
    assertEquals(200, token.statusCode(), token.body());
    String access = Portal.json(token.body()).get("access_token").asText();
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.KEYCLOAK + path))
            .header("Authorization", "Bearer " + access)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }
}

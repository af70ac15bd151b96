package org.patientportal.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Portal;

/**
 * Session fixation: an attacker who plants a session id in a victim's browser before the victim
 * signs in must not share the victim's signed-in session. The portal gives the session a new id
 * when the sign-in completes.
 */
@Tag("browser")
class SessionFixationIT {

  private static final String COOKIE = "JSESSIONID";

  @Test
  void aSessionIdPlantedBeforeSignInIsWorthlessAfterIt() {
    // the attacker gets a session id of their own from the portal (a public page makes one)
    HttpResponse<String> first =
        Portal.send(HttpRequest.newBuilder(URI.create(Portal.URL + "/signed-out.xhtml")).build());
    String planted =
        first.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(COOKIE + "="))
            .map(c -> c.substring(COOKIE.length() + 1, c.indexOf(';')))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie: " + first.headers()));

    try (Browser browser = new Browser("en")) {
      // ... and plants it in the victim's browser, who then signs in
      browser.open(Portal.URL + "/signed-out.xhtml");
      browser.driver().manage().deleteCookieNamed(COOKIE);
      browser.driver().manage().addCookie(new Cookie(COOKIE, planted, "/portal"));
      browser.signIn("pat.jones");

      Cookie now = browser.driver().manage().getCookieNamed(COOKIE);
      assertNotNull(now);
      assertNotEquals(planted, now.getValue(), "the session has a new id after sign-in");

      HttpResponse<String> victim = page(now.getValue());
      assertEquals(200, victim.statusCode(), "the victim's own session works");
      HttpResponse<String> attacker = page(planted);
      assertEquals(302, attacker.statusCode(), "the planted id is not signed in");
      assertTrue(
          attacker.headers().firstValue("Location").orElse("").startsWith(Portal.KEYCLOAK),
          attacker.headers().toString());
    }
  }

  private static HttpResponse<String> page(String session) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/index.xhtml"))
            .header("Cookie", COOKIE + "=" + session)
            .build());
  }
}

package org.patientportal.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.KeycloakAdmin;
import org.patientportal.it.support.Portal;
import org.patientportal.it.support.Totp;

/**
 * Two-step sign-in through the realm's browser flow (issue 11, point 4): the staff-side roles must
 * give a code from an authenticator app after their password, a clinician without one is made to
 * set it up, and a patient who has not turned it on signs in with the password alone. Keycloak's
 * own pages are Keycloak's; axe checks the portal's pages the users land on.
 */
@Tag("browser")
class TwoStepSignInIT {

  private static final String CLINICIAN = "dr.chen";

  @Test
  void aClinicianIsAskedForTheCodeOfTheirAppAndAWrongCodeIsRefused() {
    try (Browser browser = new Browser("en")) {
      browser.open(Portal.URL + "/");
      typePassword(browser, CLINICIAN);
      assertTrue(onOneTimeCodePage(browser), "the password alone is not enough for a clinician");

      String secret = Totp.demoSecret(CLINICIAN).orElseThrow();
      // a code of an hour ago: the right form, the wrong time
      browser.enterOneTimeCode(Totp.code(secret, Totp.currentStep() - 120));
      assertTrue(onOneTimeCodePage(browser), "a wrong code is refused and asked again");
      assertTrue(
          browser.driver().getPageSource().contains("Invalid authenticator code"),
          "Keycloak says why");
      assertTrue(
          Portal.json(
                      KeycloakAdmin.call(
                              "GET",
                              "/attack-detection/brute-force/users/"
                                  + KeycloakAdmin.userId(CLINICIAN),
                              null)
                          .body())
                  .get("numFailures")
                  .asInt()
              >= 1,
          "the brute-force guard counts a wrong code as a failed sign-in");

      browser.enterOneTimeCode(Totp.nextCode(CLINICIAN));
      assertEquals("Welcome, Wei Chen", browser.waitFor(By.id("welcome")).getText());
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
    }
  }

  @Test
  void aNewClinicianWithoutASecondFactorIsMadeToSetUpAnAuthenticatorApp() {
    String username = "dr.nuevo-" + UUID.randomUUID().toString().substring(0, 8);
    String id = KeycloakAdmin.createUser(username, "Begoña", "Núñez", "clinician");
    try {
      String secret;
      try (Browser browser = new Browser("es")) {
        browser.open(Portal.URL + "/");
        typePassword(browser, username);
        // Keycloak's "configure OTP" required action, with the key for typing in by hand
        browser.waitFor(By.id("kc-totp-settings-form"));
        browser.follow(By.id("mode-manual"));
        secret = browser.waitFor(By.id("kc-totp-secret-key")).getText();
        browser.driver().findElement(By.id("totp")).sendKeys(Totp.nextCodeFor(secret));
        browser.driver().findElement(By.id("userLabel")).sendKeys("Teléfono de Begoña 📱");
        browser.follow(By.id("saveTOTPBtn"));
        assertTrue(
            browser.waitFor(By.id("welcome")).getText().contains("Begoña Núñez"),
            "signed in once the app is set up");
        assertEquals(List.of(), browser.seriousAccessibilityViolations());
      }
      assertTrue(KeycloakAdmin.credentialTypes(id).contains("otp"), "the app is their credential");

      try (Browser browser = new Browser("es")) {
        browser.open(Portal.URL + "/");
        typePassword(browser, username);
        assertTrue(onOneTimeCodePage(browser), "the next sign-in asks for the app's code");
        browser.enterOneTimeCode(Totp.nextCodeFor(secret));
        browser.waitFor(By.id("welcome"));
      }
    } finally {
      KeycloakAdmin.call("DELETE", "/users/" + id, null);
    }
  }

  @Test
  void aPatientWhoHasNotTurnedItOnSignsInWithThePasswordAlone() {
    try (Browser browser = new Browser("es")) {
      browser.open(Portal.URL + "/");
      typePassword(browser, "pat.jones");
      assertEquals("Bienvenido/a, Pat Jones", browser.waitFor(By.id("welcome")).getText());
      assertEquals(List.of(), browser.seriousAccessibilityViolations());

      // where she may turn it on: her sign-in account at Keycloak
      browser.open(Portal.URL + "/account/account.xhtml");
      WebElement link = browser.waitFor(By.id("signing-in"));
      assertEquals("Verificación en dos pasos y contraseña (su cuenta de acceso)", link.getText());
      assertEquals(
          Portal.KEYCLOAK + "/realms/portal/account/account-security/signing-in",
          link.getAttribute("href"));
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
    }
  }

  private static void typePassword(Browser browser, String username) {
    browser.waitFor(By.id("username")).sendKeys(username);
    browser.driver().findElement(By.id("password")).sendKeys(Portal.DEMO_PASSWORD);
    browser.follow(By.id("kc-login"));
  }

  private static boolean onOneTimeCodePage(Browser browser) {
    return browser.driver().getCurrentUrl().startsWith(Portal.KEYCLOAK)
        && !browser.driver().findElements(By.id("otp")).isEmpty();
  }
}

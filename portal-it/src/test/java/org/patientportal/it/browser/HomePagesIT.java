package org.patientportal.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Portal;

/**
 * Every demo user's home page, in English and Spanish, says only what the portal does today: no
 * forwarding or filing for clinicians, no publications or reminder calls for communications, and a
 * caregiver's empty inbox points to no "New message" button they do not have.
 */
@Tag("browser")
class HomePagesIT {

  /** What the home pages promised before the features existed, in both languages. */
  static final List<String> PROMISES =
      List.of(
          "forward and file",
          "send publications",
          "run appointment reminder calls",
          "reenvíe y archive",
          "envíe publicaciones",
          "gestione las llamadas",
          "act for the patients who gave you access",
          "actúe en nombre de los pacientes",
          "make requests",
          "haga solicitudes");

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
    "pat.jones,en",
    "pat.jones,es",
    "chris.jones,en",
    "chris.jones,es",
    "dr.smith,en",
    "dr.smith,es",
    "nurse.lee,en",
    "nurse.lee,es",
    "comms.diaz,en",
    "comms.diaz,es",
    "audit.kim,en",
    "audit.kim,es",
    "admin.ito,en",
    "admin.ito,es"
  })
  void theHomePageSaysOnlyWhatWorks(String user, String language) {
    try (Browser browser = new Browser(language)) {
      browser.signIn(user);
      String roles = browser.waitFor(By.id("roles")).getText();
      for (String promise : PROMISES) {
        assertFalse(
            roles.toLowerCase(Locale.ROOT).contains(promise.toLowerCase(Locale.ROOT)),
            user + " is promised \"" + promise + "\": " + roles);
      }
      if (user.equals("comms.diaz")) {
        assertTrue(
            roles.contains(language.equals("en") ? "not available" : "no están disponibles"),
            roles);
      }
      assertEquals(List.of(), browser.seriousAccessibilityViolations());

      if (user.equals("chris.jones")) {
        // a caregiver has no "New message" button, and the empty inbox does not point to one
        browser.open(Portal.URL + "/messages/inbox.xhtml");
        String empty = browser.waitFor(By.id("inbox-empty")).getText();
        assertTrue(browser.driver().findElements(By.id("new-message")).isEmpty());
        assertFalse(empty.contains("New message") || empty.contains("Nuevo mensaje"), empty);
      }
      if (user.equals("dr.smith") || user.equals("nurse.lee")) {
        browser.open(Portal.URL + "/messages/queue.xhtml");
        browser.waitFor(By.id("results:threads"));
        String page = browser.driver().findElement(By.id("main")).getText();
        for (String promise : PROMISES) {
          assertFalse(page.contains(promise), page);
        }
      }
    }
  }
}

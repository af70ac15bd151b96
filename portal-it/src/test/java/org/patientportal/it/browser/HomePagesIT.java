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
 * caregiver who has not chosen whom they act for is sent from the messages to that choice (no "New
 * message" button for nobody).
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
        // a caregiver who has chosen nobody yet is sent to the choice, with no "New message"
        browser.open(Portal.URL + "/messages/inbox.xhtml");
        browser.waitFor(By.id("patients:list"));
        assertTrue(browser.driver().getCurrentUrl().contains("/account/acting-for.xhtml"));
        assertTrue(browser.driver().findElements(By.id("new-message")).isEmpty());
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

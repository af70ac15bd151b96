package org.patientportal.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Portal;

/** The auditor checks the access log's integrity in the browser; no one else opens the page. */
@Tag("browser")
class AuditIntegrityBrowserIT {

  @ParameterizedTest(name = "in {0}")
  @CsvSource({
    "en, Log integrity, Check the access log now, Valid:",
    "es, Integridad del registro, Comprobar ahora el registro de accesos, Válido:"
  })
  void theAuditorChecksTheLogFromTheMenu(
      String language, String menu, String button, String valid) {
    try (Browser browser = new Browser(language)) {
      browser.signIn("audit.kim");
      browser.follow(By.linkText(menu));
      assertTrue(browser.driver().findElement(By.id("key")).getText().matches(".*[0-9a-f]{16}.*"));
      assertEquals(
          button, browser.driver().findElement(By.id("integrity:check")).getAttribute("value"));
      browser.follow(By.id("integrity:check"));
      String verdict = browser.waitFor(By.id("verdict")).getText();
      assertTrue(verdict.startsWith(valid), verdict);
      List<String> violations = browser.seriousAccessibilityViolations();
      assertTrue(violations.isEmpty(), String.join("\n", violations));
      browser.screenshot("audit-integrity-" + language);
    }
  }

  @ParameterizedTest(name = "{0} may not open it")
  @ValueSource(strings = {"dr.smith", "pat.jones", "admin.ito"})
  void noOneElseMayOpenThePage(String username) {
    try (Browser browser = new Browser("en")) {
      browser.signIn(username);
      browser.open(Portal.URL + "/audit/integrity.xhtml");
      assertEquals("Not allowed", browser.waitFor(By.tagName("h1")).getText());
      assertTrue(browser.driver().findElements(By.id("integrity:check")).isEmpty());
    }
  }
}

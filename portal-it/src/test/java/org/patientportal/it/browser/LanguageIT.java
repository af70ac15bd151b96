package org.patientportal.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.patientportal.it.support.Browser;

/** The views speak the browser's language (English or Spanish) until the user chooses another. */
@Tag("browser")
class LanguageIT {

  @Test
  void aSpanishBrowserGetsSpanishViewsThatAreAccessible() {
    try (Browser browser = new Browser("es")) {
      browser.signIn("dr.chen");
      assertEquals(
          "Bienvenido/a, Wei Chen", browser.driver().findElement(By.id("welcome")).getText());
      assertEquals("es", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
      List<String> violations = browser.seriousAccessibilityViolations();
      assertTrue(violations.isEmpty(), String.join("\n", violations));
      browser.screenshot("home-es");
    }
  }

  @Test
  void aUsersChoiceOfLanguageOverridesTheBrowsers() {
    try (Browser browser = new Browser("en")) {
      browser.signIn("nurse.lee");
      new Select(browser.driver().findElement(By.id("language:choice"))).selectByValue("es");
      browser.follow(By.id("language:apply"));
      assertEquals("Bienvenido/a, Jordan Lee", browser.waitFor(By.id("welcome")).getText());
      assertEquals("es", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
      // back to the browser's language, which leaves the user's record as it was
      new Select(browser.driver().findElement(By.id("language:choice"))).selectByValue("");
      browser.follow(By.id("language:apply"));
      assertEquals("Welcome, Jordan Lee", browser.waitFor(By.id("welcome")).getText());
    }
  }
}

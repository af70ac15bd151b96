package org.patientportal.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The administrator's key page: admin.ito sees the key versions, rotates the key-encryption key in
 * the browser, and the messages written before still read; anyone else is kept off the page.
 */
@Tag("browser")
class KeysBrowserIT {

  @Test
  void theAdministratorRotatesTheKeyInTheBrowser() {
    Messages.acceptGuidelines("sam.rivera");
    String body = Messages.marker("Before a rotation in the browser");
    long thread =
        Messages.start(
            "sam.rivera",
            Messages.draft("dr.chen", "GENERAL", Messages.marker("Keys page"), body, false));
    int before =
        Portal.json(Portal.get("/admin/keys", "admin.ito").body()).get("currentVersion").asInt();

    try (Browser browser = new Browser("en")) {
      browser.signIn("admin.ito");
      browser.follow(By.linkText("Encryption keys"));
      assertEquals("Encryption keys", browser.waitFor(By.tagName("h1")).getText());
      assertEquals(
          "Key version " + before + " protects new messages.",
          browser.waitFor(By.id("current-version")).getText());
      assertEquals(List.of(), browser.seriousAccessibilityViolations());

      // Rotating asks first; Escape (or Cancel) rotates nothing and gives focus back
      WebElement rotate = browser.driver().findElement(By.id("rotation:rotate"));
      rotate.sendKeys(org.openqa.selenium.Keys.ENTER); // by keyboard
      WebElement dialog = browser.waitFor(By.id("rotation:confirm"));
      assertTrue(dialog.getText().contains("Rotate the key-encryption key?"), dialog.getText());
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
      browser.screenshot("admin-keys-confirm");
      // focus starts on Cancel, so Enter alone never rotates
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
          .until(d -> "rotation:no".equals(d.switchTo().activeElement().getAttribute("id")));
      browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
          .until(ExpectedConditions.invisibilityOfElementLocated(By.id("rotation:confirm")));
      assertEquals(
          before,
          Portal.json(Portal.get("/admin/keys", "admin.ito").body()).get("currentVersion").asInt(),
          "cancelled: nothing rotated");
      assertTrue(browser.driver().findElements(By.id("rotated")).isEmpty());

      // Asked again and confirmed by keyboard, it rotates
      rotate.sendKeys(org.openqa.selenium.Keys.ENTER);
      WebElement yes = browser.waitFor(By.id("rotation:yes"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
          .until(ExpectedConditions.elementToBeClickable(yes));
      yes.sendKeys(org.openqa.selenium.Keys.ENTER);
      new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
          .until(ExpectedConditions.stalenessOf(rotate));
      String rotated = browser.waitFor(By.id("rotated")).getText();
      assertTrue(
          rotated.startsWith("Rotated: version " + (before + 1) + " is now current"), rotated);
      // the versions removed in words, never "[]"
      assertTrue(
          rotated.endsWith("No older versions were removed.")
              || rotated.matches("(?s).*Versions? [0-9, ]+ (was|were) removed\\.$"),
          rotated);
      assertTrue(!rotated.contains("[") && !rotated.contains("]"), rotated);
      assertEquals(
          "Key version " + (before + 1) + " protects new messages.",
          browser.waitFor(By.id("current-version")).getText());
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
      browser.screenshot("admin-keys-rotated");
    }

    JsonNode keys = Portal.json(Portal.get("/admin/keys", "admin.ito").body());
    assertEquals(before + 1, keys.get("currentVersion").asInt());
    assertEquals(2, keys.get("versions").size(), "the new key and the previous one: " + keys);
    assertEquals(1, keys.get("valuesByVersion").size(), "no value uses the previous key: " + keys);
    JsonNode opened = Portal.json(Portal.get("/threads/" + thread, "dr.chen").body());
    assertEquals(body, opened.get("messages").get(0).get("body").asText());
  }

  @Test
  void noOneElseMayOpenTheKeyPage() {
    try (Browser browser = new Browser("en")) {
      browser.signIn("audit.kim");
      browser.open(Portal.URL + "/admin/keys.xhtml");
      assertEquals("Not allowed", browser.waitFor(By.tagName("h1")).getText());
    }
  }
}

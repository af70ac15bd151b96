package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Portal;

/**
 * What the boundary refuses reads in the page's language: a Spanish-speaking patient sees the
 * boundary's checks of the body and of an attachment in Spanish, next to the field at fault.
 */
@Tag("browser")
class MessagingSpanishBrowserIT {

  @Test
  void theBoundarysRefusalsReadInSpanishOnASpanishPage() {
    String marker = "T" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = new Browser("es")) {
      browser.signIn("sam.rivera");
      browser.open(Portal.URL + "/messages/compose.xhtml");
      assertEquals("Nuevo mensaje", browser.waitFor(By.tagName("h1")).getText());
      if (!browser.driver().findElements(By.id("guidelines-form:accept")).isEmpty()) {
        browser.follow(By.id("guidelines-form:accept"));
      }
      new Select(browser.waitFor(By.id("compose:to"))).selectByIndex(1);
      new Select(browser.driver().findElement(By.id("compose:category"))).selectByValue("GENERAL");
      // (ASCII: non-ASCII text in multipart forms is point 1 of the issue, fixed elsewhere)
      browser.driver().findElement(By.id("compose:subject")).sendKeys("Medicacion " + marker);
      // a body over the limit (20,000 characters), which only the boundary checks
      WebElement body = browser.driver().findElement(By.id("compose:body"));
      ((JavascriptExecutor) browser.driver())
          .executeScript("arguments[0].value = arguments[1];", body, "x".repeat(20_001));
      browser.follow(By.id("compose:send"));

      String bodyError = browser.waitFor(By.id("compose:bodyError")).getText();
      assertTrue(bodyError.startsWith("El mensaje es demasiado largo"), bodyError);
      assertTrue(bodyError.contains("20000"), bodyError);
      assertEquals(
          "true", browser.driver().findElement(By.id("compose:body")).getAttribute("aria-invalid"));
      assertNoSeriousViolations(browser);

      // a text file that calls itself a PDF: refused by its content, in Spanish
      browser.driver().findElement(By.id("compose:body")).clear();
      browser.driver().findElement(By.id("compose:body")).sendKeys("Hola " + marker);
      browser
          .driver()
          .findElement(By.id("compose:attachments"))
          .sendKeys(file("notas-" + marker + ".pdf", "solo texto").toString());
      browser.follow(By.id("compose:send"));
      String page = browser.waitFor(By.tagName("main")).getText();
      assertFalse(
          browser.driver().findElements(By.id("compose:attachmentsError")).isEmpty(),
          "the refusal next to the file: " + page);
      String fileError = browser.waitFor(By.id("compose:attachmentsError")).getText();
      assertTrue(fileError.contains("no es un archivo PDF, PNG ni JPEG"), fileError);
      assertFalse(fileError.contains("is not a"), fileError);
      assertNoSeriousViolations(browser);
      browser.screenshot("messages-compose-invalid-es");
    }
    assertFalse(
        Portal.get("/threads?size=100", "sam.rivera").body().contains(marker),
        "nothing has been sent");
  }

  private static void assertNoSeriousViolations(Browser browser) {
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }

  private static Path file(String name, String content) {
    try {
      Path file = Files.createTempDirectory("portal-it").resolve(name);
      Files.writeString(file, content, StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

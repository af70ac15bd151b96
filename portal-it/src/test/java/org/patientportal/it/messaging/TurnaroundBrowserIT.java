package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * Turnaround in the browser: a clinician finds a patient's new message in the work queue with
 * nobody on it and its due time, takes it, and inserts a team quick reply with the keyboard (in
 * English); the patient then sees, in Spanish, who handles it, as what, and by when, in the
 * conversation and in her inbox. Every page passes axe.
 */
@Tag("browser")
class TurnaroundBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theClinicianTakesItAndThePatientSeesWhoAndByWhen() {
    String marker = "Turn" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Messages.acceptGuidelines("pat.jones");
    long id =
        Messages.start(
            "pat.jones",
            Messages.draft(
                "pool:breast-oncology",
                "PRESCRIPTION",
                "Receta " + marker,
                "¿Pueden renovar mi receta?",
                false));
    String templateTitle = "Refill " + marker;
    String templateText = "Su receta está renovada ✅ — la farmacia la tendrá mañana.";
    assertEquals(
        201,
        Portal.post(
                "/me/templates",
                "nurse.lee",
                Map.of("title", templateTitle, "text", templateText, "pool", "breast-oncology"))
            .statusCode());

    try (Browser browser = new Browser("en")) {
      browser.signIn("dr.chen");
      browser.open(Portal.URL + "/messages/queue.xhtml");
      WebElement table = browser.waitFor(By.id("results:threads"));
      browser.driver().findElement(By.id("filters:q")).sendKeys(marker);
      browser.driver().findElement(By.id("filters:apply")).click();
      new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.stalenessOf(table));
      new WebDriverWait(browser.driver(), WAIT)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(By.id("results:threads"), marker));
      String row =
          browser.driver().findElement(By.cssSelector("[id='results:threads'] tbody tr")).getText();
      assertTrue(row.contains("Nobody yet"), row);
      List<WebElement> headers =
          browser.driver().findElements(By.cssSelector("[id='results:threads'] thead th"));
      assertTrue(
          headers.stream().anyMatch(h -> h.getText().contains("Answer by")), "a due-by column");
      assertNoSeriousViolations(browser);

      browser.follow(By.linkText("[Prescription] Receta " + marker));
      assertEquals(
          "Not yet taken by a member of the care team",
          browser.waitFor(By.id("handledBy")).getText());
      assertFalse(browser.driver().findElement(By.id("dueBy")).getText().isBlank());
      assertNoSeriousViolations(browser);

      browser.follow(By.id("handling:claim"));
      String handledBy = browser.waitFor(By.id("handledBy")).getText();
      assertTrue(handledBy.endsWith("(Clinician)"), handledBy);
      assertTrue(
          browser
              .driver()
              .findElement(By.id("history"))
              .getText()
              .contains("took the conversation"));

      // the quick reply, with the keyboard: choose it in the labelled menu, press the button
      WebElement body = browser.waitFor(By.id("reply:body"));
      body.sendKeys("Hola: ");
      assertEquals(
          "Quick reply",
          browser.driver().findElement(By.cssSelector("label[for='reply:template']")).getText());
      new Select(browser.driver().findElement(By.id("reply:template")))
          .selectByVisibleText(templateTitle);
      WebElement insert = browser.driver().findElement(By.id("insertTemplate"));
      insert.sendKeys(Keys.ENTER);
      assertEquals(
          "Hola: " + templateText,
          browser.driver().findElement(By.id("reply:body")).getAttribute("value"));
      assertNoSeriousViolations(browser);
      browser.screenshot("turnaround-thread-clinician-en");
    }

    JsonNode assignee = TurnaroundApiIT.open(id, "pat.jones").get("assignee");
    String chen = assignee.get("displayName").asText();
    try (Browser browser = new Browser("es")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/thread.xhtml?id=" + id);
      assertEquals(chen + " (Profesional clínico)", browser.waitFor(By.id("handledBy")).getText());
      assertFalse(browser.driver().findElement(By.id("dueBy")).getText().isBlank());
      assertTrue(
          browser
              .driver()
              .findElement(By.id("history"))
              .getText()
              .contains("tomó la conversación"));
      assertTrue(
          browser.driver().findElements(By.id("handling:claim")).isEmpty(),
          "the patient has nothing to claim");
      assertTrue(browser.driver().findElements(By.id("reply:template")).isEmpty());
      assertNoSeriousViolations(browser);
      browser.screenshot("turnaround-thread-patient-es");

      browser.open(Portal.URL + "/messages/inbox.xhtml");
      browser.driver().findElement(By.id("search:q")).sendKeys(marker);
      browser.follow(By.id("search:apply"));
      String item = browser.waitFor(By.id("threads")).getText();
      assertTrue(item.contains("Se ocupa: " + chen + " (Profesional clínico)"), item);
      assertTrue(item.contains("Respuesta prevista antes de"), item);
      assertNoSeriousViolations(browser);
    }
  }

  private static void assertNoSeriousViolations(Browser browser) {
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}

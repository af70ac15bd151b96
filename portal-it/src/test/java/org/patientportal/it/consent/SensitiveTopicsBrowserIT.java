package org.patientportal.it.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * Sensitive topics in the browser, as one story: dr.smith writes in pat.jones's conversation about
 * psychotherapy; the form suggests the flag as he types, he takes it, sending is refused because
 * she has not agreed, and he asks her; she answers in Spanish on the conversation's page and on her
 * consent page sees the change in her history; then his flagged message goes. axe on each page.
 */
@Tag("browser")
class SensitiveTopicsBrowserIT {

  @Test
  void aClinicianIsRefusedAsksThePatientAndSheAnswersInSpanish() {
    Messages.acceptGuidelines("pat.jones");
    SensitiveTopicsApiIT.agree(Map.of("PSYCHOTHERAPY", false));
    long id =
        Messages.start(
            "dr.smith", SensitiveTopicsApiIT.fromSmith("", "Next steps", "How are you doing?"));
    String text = "We could talk about your psychotherapy sessions — ¿le parece bien? 🙂";

    try (Browser browser = new Browser("en")) {
      browser.signIn("dr.smith");
      browser.open(Portal.URL + "/messages/thread.xhtml?id=" + id);
      browser.waitFor(By.id("reply:body")).sendKeys(text);
      // the suggestion appears while he types
      String suggested = browser.waitFor(By.id("suggested")).getText();
      assertTrue(suggested.contains("Psychotherapy"), suggested);
      browser.driver().findElement(By.id("reply:takeSuggestions")).click();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .ignoring(StaleElementReferenceException.class)
          .until(d -> psychotherapyFlag(browser).isSelected());

      browser.follow(By.id("reply:send"));
      String refusal = browser.waitFor(By.id("consentRequired")).getText();
      assertTrue(refusal.contains("Psychotherapy"), refusal);
      assertNoSeriousViolations(browser);
      browser.screenshot("consent-refused-en");

      browser.follow(By.id("reply:askPatient"));
      String asked = browser.waitFor(By.id("consent-heading")).getText();
      assertEquals("Agreement to sensitive topics", asked);
    }

    try (Browser browser = new Browser("es")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/thread.xhtml?id=" + id);
      assertEquals(
          "Consentimiento para temas sensibles",
          browser.waitFor(By.id("consent-heading")).getText());
      assertNoSeriousViolations(browser);
      browser
          .driver()
          .findElement(
              By.cssSelector("form[id$='consentAnswer'] input[type='radio'][value='true']"))
          .click();
      browser.follow(By.cssSelector("input[id$='sendAnswer']"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Gracias"));

      browser.open(Portal.URL + "/account/consents.xhtml");
      assertEquals("Temas sensibles en los mensajes", browser.waitFor(By.tagName("h1")).getText());
      String history = browser.waitFor(By.id("history")).getText();
      assertTrue(history.contains("Psicoterapia"), history);
      assertTrue(history.contains("En respuesta a su equipo de atención"), history);
      assertNoSeriousViolations(browser);
      browser.screenshot("consents-es");
    }

    JsonNode now = Portal.json(Portal.get("/me/consents", "pat.jones").body());
    assertTrue(now.get("PSYCHOTHERAPY").asBoolean(), now.toString());
    assertEquals(
        201,
        Portal.post(
                "/threads/" + id + "/messages",
                "dr.smith",
                Map.of("body", text, "sensitiveTopics", List.of("PSYCHOTHERAPY")))
            .statusCode());
  }

  /**
   * A patient flags her own new message: writing in Spanish about her HIV treatment, the form
   * suggests the flag, she takes it and sends; her caregiver (chris.jones, the demo's grant) then
   * cannot open that conversation, though he opens her unflagged one.
   */
  @Test
  void aPatientFlagsHerNewMessageAndHerCaregiverDoesNotSeeIt() {
    Messages.acceptGuidelines("pat.jones");
    long plain =
        Messages.start(
            "pat.jones",
            Messages.draft("dr.smith", "GENERAL", Messages.marker("Sin temas"), "Hola", false));
    long flagged;
    try (Browser browser = new Browser("es")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/compose.xhtml");
      new Select(browser.waitFor(By.id("compose:to"))).selectByValue("dr.smith");
      new Select(browser.waitFor(By.id("compose:category"))).selectByValue("GENERAL");
      browser.driver().findElement(By.id("compose:subject")).sendKeys("Mi tratamiento ✨");
      browser
          .driver()
          .findElement(By.id("compose:body"))
          .sendKeys("Tengo preguntas sobre mi tratamiento del VIH — ¿podemos hablar? 🙏");
      String suggested = browser.waitFor(By.id("suggested")).getText();
      assertTrue(suggested.contains("VIH"), suggested);
      assertNoSeriousViolations(browser);
      browser.driver().findElement(By.id("compose:takeSuggestions")).click();
      // the flags are drawn anew by the answer: look for them again until it has come
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  d.findElement(By.cssSelector("input[name='compose:topics'][value='HIV']"))
                      .isSelected());
      browser.follow(By.id("compose:send"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(ExpectedConditions.urlContains("thread.xhtml"));
      String url = browser.driver().getCurrentUrl();
      flagged = Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1"));
    }
    assertEquals(
        200, Portal.get("/threads/" + plain + "?patient=pat.jones", "chris.jones").statusCode());
    assertEquals(
        404, Portal.get("/threads/" + flagged + "?patient=pat.jones", "chris.jones").statusCode());
    assertEquals(200, Portal.get("/threads/" + flagged, "pat.jones").statusCode());
  }

  private static WebElement psychotherapyFlag(Browser browser) {
    return browser
        .driver()
        .findElement(By.cssSelector("input[name='reply:topics'][value='PSYCHOTHERAPY']"));
  }

  private static void assertNoSeriousViolations(Browser browser) {
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}

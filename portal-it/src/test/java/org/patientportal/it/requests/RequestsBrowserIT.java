package org.patientportal.it.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Portal;

/**
 * Requests in the browser: pat.jones asks for a prescription renewal from the menu, with the
 * keyboard, in English (an empty form first: every field is marked, nothing is sent); nurse.lee
 * puts it in review with a note on the thread's page; pat.jones then reads, in Spanish, the new
 * status, the step in the history and the note, and finds the request in her list. Every page
 * passes axe.
 */
@Tag("browser")
class RequestsBrowserIT {

  @Test
  void aPatientRequestsARenewalAndSeesTheTeamReviewIt() {
    String marker = "Rx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    long thread;
    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      browser.follow(By.linkText("Requests"));
      browser.waitFor(By.id("new-request"));
      assertNoSeriousViolations(browser);
      browser.follow(By.linkText("Prescription renewal"));
      assertEquals("Prescription renewal", browser.waitFor(By.id("form-title")).getText());
      assertEquals(
          "Medication",
          browser
              .driver()
              .findElement(By.cssSelector("label[for='request:medication']"))
              .getText());
      assertNoSeriousViolations(browser);

      // nothing typed: each field says what it needs, nothing is sent
      browser.follow(By.id("request:send"));
      assertTrue(browser.waitFor(By.id("not-sent")).getText().contains("was not sent"));
      assertEquals(
          "Name the medication to renew.",
          browser.driver().findElement(By.id("request:medicationError")).getText());
      assertEquals(
          "true",
          browser.driver().findElement(By.id("request:pharmacy")).getAttribute("aria-invalid"));
      assertNoSeriousViolations(browser);

      // with the keyboard: type each field, Tab to the next, Enter sends
      browser.driver().findElement(By.id("request:medication")).sendKeys("Letrozole " + marker);
      browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      browser.driver().switchTo().activeElement().sendKeys("2.5 mg daily");
      browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      browser.driver().switchTo().activeElement().sendKeys("Main Street Pharmacy");
      WebElement page = browser.driver().findElement(By.tagName("html"));
      browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(ExpectedConditions.stalenessOf(page));

      assertEquals("Submitted", browser.waitFor(By.id("requestStatus")).getText());
      assertTrue(
          browser.driver().findElement(By.id("subject")).getText().startsWith("[Prescription]"));
      assertTrue(browser.driver().findElement(By.id("messages")).getText().contains(marker));
      assertNoSeriousViolations(browser);
      thread = threadId(browser.driver().getCurrentUrl());
    }

    try (Browser browser = new Browser("en")) {
      browser.signIn("nurse.lee");
      browser.open(Portal.URL + "/messages/thread.xhtml?id=" + thread);
      browser.waitFor(By.id("changeRequest:note"));
      assertNoSeriousViolations(browser);
      // no note: refused, nothing changes
      browser.follow(By.id("changeRequest:change"));
      assertEquals(
          "Write a note for the patient about the change.",
          browser.waitFor(By.id("changeRequest:noteError")).getText());
      assertEquals("Submitted", browser.driver().findElement(By.id("requestStatus")).getText());
      new Select(browser.driver().findElement(By.id("changeRequest:status")))
          .selectByVisibleText("In review");
      browser.driver().findElement(By.id("changeRequest:note")).sendKeys("We are on it " + marker);
      browser.follow(By.id("changeRequest:change"));
      assertEquals("In review", browser.waitFor(By.id("requestStatus")).getText());
      assertTrue(
          browser.driver().findElement(By.id("history")).getText().contains("In review"),
          browser.driver().findElement(By.id("history")).getText());
      assertNoSeriousViolations(browser);
    }

    try (Browser browser = new Browser("es")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/thread.xhtml?id=" + thread);
      assertEquals("En revisión", browser.waitFor(By.id("requestStatus")).getText());
      String history = browser.driver().findElement(By.id("history")).getText();
      assertTrue(history.contains("cambió el estado de la solicitud a En revisión"), history);
      assertTrue(
          browser
              .driver()
              .findElement(By.id("messages"))
              .getText()
              .contains("We are on it " + marker));
      assertTrue(
          browser.driver().findElements(By.id("changeRequest:status")).isEmpty(),
          "the patient has no status to change");
      assertNoSeriousViolations(browser);

      browser.follow(By.linkText("Solicitudes"));
      String list = browser.waitFor(By.id("requests")).getText();
      assertTrue(list.contains("Renovación de receta"), list);
      assertTrue(list.contains("En revisión"), list);
      assertNoSeriousViolations(browser);
      browser.follow(By.linkText("Autorización de derivación"));
      assertEquals(
          "Especialidad",
          browser.driver().findElement(By.cssSelector("label[for='request:specialty']")).getText());
      assertNoSeriousViolations(browser);
    }
  }

  private static long threadId(String url) {
    Matcher m = Pattern.compile("[?&]id=(\\d+)").matcher(url);
    assertTrue(m.find(), url);
    return Long.parseLong(m.group(1));
  }

  private static void assertNoSeriousViolations(Browser browser) {
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}

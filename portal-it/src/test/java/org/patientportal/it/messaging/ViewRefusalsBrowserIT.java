package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.it.support.Teams;

/**
 * The views' refusals leave the same ACCESS_DENIED entries as the API's, each exactly once: a JSF
 * action the boundary refuses (nurse.lee claims, on a conversation's page, a team's thread after
 * the team let her go: the not-found page, the thread and its patient in the entry), another
 * patient's conversation opened by its address (the not-found page, the thread and its patient),
 * and a form posted to a page the role may not have (the forbidden page, the page in the entry).
 */
@Tag("browser")
class ViewRefusalsBrowserIT {

  @Test
  void aJsfActionTheBoundaryRefusesIsAuditedOnceWithTheThreadAndItsPatient() {
    String code = Teams.code("it-refusal");
    Teams.create(code, "Refusals");
    Teams.addMember(code, "nurse.lee", "STAFF");
    Teams.addPatient(code, "sam.rivera");
    Messages.acceptGuidelines("sam.rivera");
    String subject = Messages.marker("Refused claim");
    long id =
        Messages.start(
            "sam.rivera", Messages.draft("pool:" + code, "GENERAL", subject, "Hello", false));
    try (Browser browser = new Browser("en")) {
      browser.signIn("nurse.lee");
      browser.open(Portal.URL + "/messages/thread.xhtml?id=" + id);
      browser.waitFor(By.id("handling:claim"));

      // the team lets her go while the page is open: the claim is refused in the boundary
      HttpResponse<String> removed =
          Portal.delete("/admin/teams/" + code + "/members/nurse.lee", Teams.ADMIN);
      assertEquals(200, removed.statusCode(), removed.body());
      Instant since = Instant.now().minusSeconds(1);
      browser.follow(By.id("handling:claim"));
      assertEquals("Page not found", browser.waitFor(By.tagName("h1")).getText());
      assertFalse(browser.driver().getPageSource().contains(subject), "nothing of the thread");
      assertEquals(List.of(), browser.seriousAccessibilityViolations());

      List<JsonNode> denied = Messages.audit("nurse.lee", "ACCESS_DENIED", since);
      assertEquals(1, denied.size(), "one entry: " + denied);
      assertEquals("thread/" + id, denied.get(0).get("resource").asText());
      assertEquals("sam.rivera", denied.get(0).path("patient").asText(null));
      assertEquals("DENIED", denied.get(0).get("outcome").asText());
      assertEquals(
          0, Messages.audit("nurse.lee", "THREAD_CLAIMED", since).size(), "nothing claimed");
    } finally {
      Teams.empty(code);
    }
  }

  @Test
  void anotherPatientsConversationIsNotFoundAndAuditedOnceWithItsPatient() {
    Messages.acceptGuidelines("pat.jones");
    String subject = Messages.marker("Not hers");
    long id =
        Messages.start(
            "pat.jones", Messages.draft("dr.smith", "GENERAL", subject, "Private", false));
    try (Browser browser = new Browser("en")) {
      browser.signIn("sam.rivera");
      Instant since = Instant.now().minusSeconds(1);
      browser.open(Portal.URL + "/messages/thread.xhtml?id=" + id);
      assertEquals("Page not found", browser.waitFor(By.tagName("h1")).getText());
      assertFalse(browser.driver().getPageSource().contains(subject), "nothing of the thread");

      List<JsonNode> denied = Messages.audit("sam.rivera", "ACCESS_DENIED", since);
      assertEquals(1, denied.size(), "one entry: " + denied);
      assertEquals("thread/" + id, denied.get(0).get("resource").asText());
      assertEquals("pat.jones", denied.get(0).path("patient").asText(null));
    }
  }

  @Test
  void aFormPostedToAPageTheRoleMayNotHaveIsForbiddenAndAuditedOnce() {
    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      Instant since = Instant.now().minusSeconds(1);
      // a patient posts to the care team's work queue, as a form of that page would
      ((JavascriptExecutor) browser.driver())
          .executeScript(
              "const f = document.createElement('form');"
                  + "f.method = 'post'; f.action = arguments[0];"
                  + "const i = document.createElement('input');"
                  + "i.name = 'queue:apply'; i.value = 'Apply'; f.appendChild(i);"
                  + "document.body.appendChild(f); f.submit();",
              Portal.URL + "/messages/queue.xhtml");
      assertEquals("Not allowed", browser.waitFor(By.tagName("h1")).getText());
      assertEquals(List.of(), browser.seriousAccessibilityViolations());

      List<JsonNode> denied = Messages.audit("pat.jones", "ACCESS_DENIED", since);
      assertEquals(1, denied.size(), "one entry: " + denied);
      assertTrue(
          denied.get(0).get("resource").asText().endsWith("/portal/messages/queue.xhtml"),
          denied.toString());
    }
  }
}

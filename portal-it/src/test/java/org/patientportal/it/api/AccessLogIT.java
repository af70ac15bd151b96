package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The patient's own access report ({@code GET /api/v1/me/access-log} and its page): who else opened
 * her messages, when and in what role, and who was refused; never another patient's.
 */
class AccessLogIT {

  @Test
  void aPatientSeesWhoOpenedHerMessagesAndWhoWasRefused() {
    Messages.acceptGuidelines("pat.jones");
    long id =
        Messages.start(
            "pat.jones",
            Messages.draft("dr.smith", "STATUS", Messages.marker("Report"), "Who reads?", false));
    long message =
        Portal.json(Portal.get("/threads/" + id, "pat.jones").body())
            .get("messages")
            .get(0)
            .get("id")
            .asLong();
    assertEquals(200, Portal.get("/threads/" + id, "dr.smith").statusCode());
    assertEquals(404, Portal.get("/threads/" + id, "sam.rivera").statusCode());

    List<JsonNode> report = lines(Portal.get("/me/access-log", "pat.jones"));
    assertTrue(
        report.stream()
            .anyMatch(
                l ->
                    l.get("actor").asText().equals("dr.smith")
                        && l.get("actorName").asText().equals("Alex Smith")
                        && l.get("role").asText().equals("clinician")
                        && l.get("action").asText().equals("MESSAGE_OPENED")
                        && l.get("resource").asText().equals("message/" + message)
                        && Instant.parse(l.get("at").asText())
                            .isAfter(Instant.now().minusSeconds(60))),
        "dr.smith's read, as a clinician: " + report);
    assertTrue(
        report.stream()
            .anyMatch(
                l ->
                    l.get("actor").asText().equals("sam.rivera")
                        && l.get("role").asText().equals("patient")
                        && l.get("action").asText().equals("ACCESS_DENIED")
                        && l.get("outcome").asText().equals("DENIED")),
        "sam.rivera's refused attempt: " + report);
    assertFalse(
        report.stream().anyMatch(l -> l.get("actor").asText().equals("pat.jones")),
        "her own reads are not listed");

    // sam.rivera's report holds nothing about pat.jones's messages
    List<JsonNode> his = lines(Portal.get("/me/access-log", "sam.rivera"));
    assertFalse(
        his.stream().anyMatch(l -> l.get("resource").asText().equals("message/" + message)),
        his.toString());
  }

  @Test
  void onlyPatientsHaveAnAccessReportAndBadPagingIsA400() {
    for (String user : List.of("dr.smith", "nurse.lee", "audit.kim", "chris.jones")) {
      Portal.assertProblem(Portal.get("/me/access-log", user), 403);
    }
    JsonNode problem =
        Portal.assertProblem(Portal.get("/me/access-log?size=100000", "pat.jones"), 400);
    assertEquals("size", problem.get("field").asText());
  }

  @Test
  void thePatientsAccessReportPage() {
    Messages.acceptGuidelines("pat.jones");
    long id =
        Messages.start(
            "pat.jones",
            Messages.draft("dr.smith", "STATUS", Messages.marker("Page"), "Page check", false));
    Portal.get("/threads/" + id, "dr.smith");
    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      browser.driver().findElement(By.linkText("Who saw my messages")).click();
      assertEquals("Who saw my messages", browser.waitFor(By.tagName("h1")).getText());
      String table = browser.waitFor(By.id("accesses")).getText();
      assertTrue(table.contains("Alex Smith") && table.contains("Clinician"), table);
      assertTrue(table.contains("Read a message"), table);
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
      browser.screenshot("patient-access-log");
    }
    try (Browser browser = new Browser("en")) {
      browser.signIn("dr.smith");
      browser.open(Portal.URL + "/account/access-log.xhtml");
      assertEquals("Not allowed", browser.waitFor(By.tagName("h1")).getText());
    }
  }

  private static List<JsonNode> lines(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return StreamSupport.stream(Portal.json(response.body()).spliterator(), false).toList();
  }
}

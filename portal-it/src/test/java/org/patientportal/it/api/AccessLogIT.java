package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The patient's own access report ({@code GET /api/v1/me/access-log} and its page): who else opened
 * her messages, when and in what role, each conversation by its subject and date; a refused attempt
 * by another patient names no one; never another patient's report.
 */
class AccessLogIT {

  @Test
  void aPatientSeesWhoOpenedHerMessagesAndWhoWasRefused() {
    Messages.acceptGuidelines("pat.jones");
    String subject = Messages.marker("Report");
    long id =
        Messages.start(
            "pat.jones", Messages.draft("dr.smith", "STATUS", subject, "Who reads?", false));
    JsonNode thread = Portal.json(Portal.get("/threads/" + id, "pat.jones").body());
    long message = thread.get("messages").get(0).get("id").asLong();
    Instant sentAt = Instant.parse(thread.get("messages").get(0).get("sentAt").asText());
    assertEquals(200, Portal.get("/threads/" + id, "dr.smith").statusCode());
    assertEquals(404, Portal.get("/threads/" + id, "sam.rivera").statusCode());

    List<JsonNode> report = lines(Portal.get("/me/access-log", "pat.jones"));
    JsonNode read =
        report.stream()
            .filter(
                l ->
                    l.path("actor").asText().equals("dr.smith")
                        && l.get("resource").asText().equals("message/" + message))
            .findFirst()
            .orElseThrow(() -> new AssertionError("dr.smith's read: " + report));
    assertEquals("Alex Smith", read.get("actorName").asText());
    assertEquals("clinician", read.get("role").asText());
    assertEquals("MESSAGE_OPENED", read.get("action").asText());
    assertFalse(read.get("outsideCareTeam").asBoolean());
    assertTrue(Instant.parse(read.get("at").asText()).isAfter(Instant.now().minusSeconds(60)));
    // the conversation by its subject and the moment it began, not only a raw id
    assertEquals(id, read.get("conversation").get("id").asLong());
    assertEquals(subject, read.get("conversation").get("subject").asText());
    assertEquals("STATUS", read.get("conversation").get("category").asText());
    Instant startedAt = Instant.parse(read.get("conversation").get("startedAt").asText());
    assertTrue(Duration.between(startedAt, sentAt).abs().toSeconds() < 5, startedAt + " " + sentAt);

    // another patient's refused attempt names no one: not sam.rivera, nor his name or role
    JsonNode refused =
        report.stream()
            .filter(
                l ->
                    l.get("action").asText().equals("ACCESS_DENIED")
                        && l.get("resource").asText().equals("thread/" + id))
            .findFirst()
            .orElseThrow(() -> new AssertionError("sam.rivera's refused attempt: " + report));
    assertEquals("DENIED", refused.get("outcome").asText());
    assertTrue(refused.get("outsideCareTeam").asBoolean(), refused.toString());
    assertTrue(
        refused.path("actor").isMissingNode() || refused.get("actor").isNull(), refused.toString());
    assertTrue(refused.path("actorName").isMissingNode() || refused.get("actorName").isNull());
    assertTrue(refused.path("role").isMissingNode() || refused.get("role").isNull());
    assertEquals(subject, refused.get("conversation").get("subject").asText());
    assertFalse(
        report.toString().contains("sam.rivera") || report.toString().contains("Sam Rivera"),
        report.toString());
    assertFalse(
        report.stream().anyMatch(l -> l.path("actor").asText().equals("pat.jones")),
        "her own reads are not listed");

    // sam.rivera's report holds nothing about pat.jones's messages, nor their subjects
    List<JsonNode> his = lines(Portal.get("/me/access-log", "sam.rivera"));
    assertFalse(
        his.stream().anyMatch(l -> l.get("resource").asText().equals("message/" + message)),
        his.toString());
    assertFalse(his.toString().contains(subject), his.toString());
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
    String subject = Messages.marker("Page");
    long id =
        Messages.start(
            "pat.jones", Messages.draft("dr.smith", "STATUS", subject, "Page check", false));
    Portal.get("/threads/" + id, "dr.smith");
    assertEquals(404, Portal.get("/threads/" + id, "sam.rivera").statusCode());
    Instant startedAt =
        lines(Portal.get("/me/access-log", "pat.jones")).stream()
            .filter(l -> l.get("resource").asText().equals("thread/" + id))
            .map(l -> Instant.parse(l.get("conversation").get("startedAt").asText()))
            .findFirst()
            .orElseThrow();
    String day =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.ENGLISH)
            .withZone(ZoneId.of("America/New_York"))
            .format(startedAt);
    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      browser.driver().findElement(By.linkText("Who saw my messages")).click();
      assertEquals("Who saw my messages", browser.waitFor(By.tagName("h1")).getText());
      String table = browser.waitFor(By.id("accesses")).getText();
      List<String> rows =
          browser.driver().findElements(By.cssSelector("#accesses tbody tr")).stream()
              .map(WebElement::getText)
              .toList();
      String read =
          rows.stream()
              .filter(r -> r.contains("Alex Smith") && r.contains("Read a message"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(table));
      assertTrue(read.contains("Clinician"), read);
      assertTrue(read.contains("[Status] " + subject + ", started " + day), read);
      String refused =
          rows.stream()
              .filter(r -> r.contains("was refused") && r.contains(subject))
              .findFirst()
              .orElseThrow(() -> new AssertionError(table));
      assertTrue(refused.contains("Someone outside your care team"), refused);
      assertFalse(table.contains("Sam Rivera") || table.contains("sam.rivera"), table);
      assertFalse(table.contains("message/") || table.contains("thread/"), table);
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

package org.patientportal.it.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * Amending a filed record entry in the browser. dr.smith (in English) files the patient's first
 * message through the API, then on the record page amends the entry: the amend page ticks the
 * message the entry holds, refuses to file without the confirmation and without a reason (next to
 * each field), and files the new version with the reply ticked by the keyboard; the record page
 * shows version 2 with its reason, version 1 "superseded by version 2" and still downloadable, and
 * the amendment audited as FILED as the API audits it. dr.chen (in Spanish) sees the same in
 * Spanish and may amend only the latest version. nurse.lee (staff, not a clinician) has no amend
 * link and gets the forbidden page; dr.chen, off the team, the not-found page (audited). Every page
 * passes axe.
 */
@Tag("browser")
class AmendBrowserIT {

  private static final String TEAM = "breast-oncology";

  @Test
  void aClinicianAmendsAnEntryInEnglishAndSpanish() {
    String marker = Messages.marker("Amend");
    Messages.acceptGuidelines("pat.jones");
    long thread =
        Messages.start(
            "pat.jones",
            Messages.draft("pool:" + TEAM, "TEST_RESULT", marker, "¿Y mis análisis?", false));
    assertEquals(
        201,
        Portal.post("/threads/" + thread + "/messages", "dr.chen", Map.of("body", "Normales."))
            .statusCode());
    long firstMessage =
        Portal.json(Portal.get("/threads/" + thread, "dr.smith").body())
            .get("messages")
            .get(0)
            .get("id")
            .asLong();
    HttpResponse<String> filed =
        Portal.post(
            "/threads/" + thread + "/filing",
            "dr.smith",
            Map.of("messageIds", List.of(firstMessage)));
    assertEquals(201, filed.statusCode(), filed.body());
    long one = Portal.json(filed.body()).get("recordEntryId").asLong();
    Instant since = Instant.now().minusSeconds(1);
    String reason = "The answer belongs in the record " + marker;

    try (Browser browser = new Browser("en")) {
      browser.signIn("dr.smith");
      browser.open(Portal.URL + "/records/record.xhtml?patient=pat.jones");
      browser.waitFor(By.id("entries"));
      assertNoSeriousViolations(browser);
      browser.follow(amendLink(browser, marker));

      assertEquals("Amend a record entry", browser.waitFor(By.id("amend-title")).getText());
      assertTrue(browser.driver().getTitle().startsWith("Amend a record entry"));
      List<WebElement> choices =
          browser.driver().findElements(By.cssSelector("input[name='amend:messageIds']"));
      assertEquals(2, choices.size(), "the thread's two messages");
      assertTrue(choices.get(0).isSelected(), "the message the entry holds is ticked");
      assertFalse(choices.get(1).isSelected());
      assertEquals(
          "Reason for the amendment",
          browser.driver().findElement(By.cssSelector("label[for='amend:reason']")).getText());
      assertNoSeriousViolations(browser);

      // not confirmed: refused next to the confirmation, nothing filed
      browser.follow(By.id("amend:file"));
      assertEquals(
          "Confirm the amendment before filing it.",
          browser.waitFor(By.id("amend:confirmError")).getText());
      assertNoSeriousViolations(browser);
      browser.screenshot("amend-refused-en");

      // confirmed (with the keyboard) but no reason: refused next to the reason
      browser.driver().findElement(By.id("amend:confirm")).sendKeys(Keys.SPACE);
      browser.follow(By.id("amend:file"));
      assertEquals(
          "Say why the entry is amended.", browser.waitFor(By.id("amend:reasonError")).getText());
      assertEquals(1, versions(one).size(), "nothing was filed");

      // the reply ticked by the keyboard, a reason, confirmed: the new version is filed
      choices = browser.driver().findElements(By.cssSelector("input[name='amend:messageIds']"));
      choices.get(1).sendKeys(Keys.SPACE);
      assertTrue(choices.get(1).isSelected());
      browser.driver().findElement(By.id("amend:reason")).sendKeys(reason);
      WebElement confirm = browser.driver().findElement(By.id("amend:confirm"));
      if (!confirm.isSelected()) {
        confirm.sendKeys(Keys.SPACE);
      }
      browser.follow(By.id("amend:file"));

      String entries = browser.waitFor(By.id("entries")).getText();
      assertTrue(
          browser
              .driver()
              .getPageSource()
              .contains("The new version has been filed into the medical record."));
      assertTrue(entries.contains("Version 2"), entries);
      assertTrue(entries.contains("(superseded by version 2)"), entries);
      assertTrue(entries.contains("Reason for the amendment: " + reason), entries);
      List<JsonNode> both = versions(one);
      assertEquals(2, both.size());
      JsonNode two = both.stream().filter(e -> e.get("version").asInt() == 2).findFirst().get();
      assertEquals(2, two.get("messageCount").asInt(), "the reply is in the new version");
      assertEquals(one, two.get("amends").asLong());
      assertEquals(
          1,
          FilingApiIT.audited(
              "dr.smith",
              "FILED",
              since,
              "record/"
                  + two.get("id").asLong()
                  + " of thread/"
                  + thread
                  + " amends record/"
                  + one));
      // the old version stays downloadable; only the latest may be amended
      assertEquals(2, rows(browser, marker).size());
      for (WebElement row : rows(browser, marker)) {
        assertEquals(1, row.findElements(By.cssSelector("a[href*='/records/fhir']")).size());
      }
      assertEquals(1, browser.driver().findElements(amendLinks(marker)).size());
      assertNoSeriousViolations(browser);
      browser.screenshot("amend-record-en");
    }

    try (Browser browser = new Browser("es")) {
      browser.signIn("dr.chen");
      browser.open(Portal.URL + "/records/record.xhtml?patient=pat.jones");
      String entries = browser.waitFor(By.id("entries")).getText();
      assertTrue(entries.contains("Versión 2"), entries);
      assertTrue(entries.contains("(sustituida por la versión 2)"), entries);
      assertTrue(entries.contains("Motivo de la enmienda: " + reason), entries);
      assertNoSeriousViolations(browser);
      browser.follow(amendLink(browser, marker));
      assertEquals(
          "Enmendar una entrada de la historia clínica",
          browser.waitFor(By.id("amend-title")).getText());
      assertEquals(
          "Motivo de la enmienda",
          browser.driver().findElement(By.cssSelector("label[for='amend:reason']")).getText());
      browser.follow(By.id("amend:file"));
      assertEquals(
          "Confirme la enmienda antes de archivarla.",
          browser.waitFor(By.id("amend:confirmError")).getText());
      browser.driver().findElement(By.id("amend:confirm")).sendKeys(Keys.SPACE);
      browser.follow(By.id("amend:file"));
      assertEquals(
          "Indique por qué se enmienda la entrada.",
          browser.waitFor(By.id("amend:reasonError")).getText());
      assertNoSeriousViolations(browser);
      browser.screenshot("amend-refused-es");
    }
  }

  @Test
  void staffAndAnotherTeamAreRefusedAsTheViewsRefuse() {
    String marker = Messages.marker("Refuse");
    Messages.acceptGuidelines("pat.jones");
    long thread =
        Messages.start(
            "pat.jones", Messages.draft("pool:" + TEAM, "GENERAL", marker, "File me", false));
    HttpResponse<String> filed =
        Portal.post("/threads/" + thread + "/filing", "dr.smith", Map.of());
    assertEquals(201, filed.statusCode(), filed.body());
    long entry = Portal.json(filed.body()).get("recordEntryId").asLong();

    try (Browser browser = new Browser("en")) {
      browser.signIn("nurse.lee");
      browser.open(Portal.URL + "/records/record.xhtml?patient=pat.jones");
      browser.waitFor(By.id("entries"));
      assertTrue(browser.driver().findElements(amendLinks(marker)).isEmpty(), "no amend for staff");
      browser.open(Portal.URL + "/records/amend.xhtml?entry=" + entry);
      assertEquals("Not allowed", browser.waitFor(By.tagName("h1")).getText());
      assertNoSeriousViolations(browser);
    }

    assertEquals(
        200, Portal.delete("/admin/teams/" + TEAM + "/members/dr.chen", "admin.ito").statusCode());
    try (Browser browser = new Browser("es")) {
      Instant off = Instant.now().minusSeconds(1);
      browser.signIn("dr.chen");
      browser.open(Portal.URL + "/records/amend.xhtml?entry=" + entry);
      assertEquals("Página no encontrada", browser.waitFor(By.tagName("h1")).getText());
      assertEquals(1, FilingApiIT.audited("dr.chen", "ACCESS_DENIED", off, "record/" + entry));
      assertNoSeriousViolations(browser);
    } finally {
      HttpResponse<String> back =
          Portal.post(
              "/admin/teams/" + TEAM + "/members",
              "admin.ito",
              Map.of("username", "dr.chen", "role", "CLINICIAN"));
      assertEquals(200, back.statusCode(), back.body());
    }
    assertEquals(1, versions(entry).size(), "nothing was amended");
  }

  /** The versions of {@code entry}'s thread in pat.jones's record, as the API lists them. */
  private static List<JsonNode> versions(long entry) {
    JsonNode all = Portal.json(Portal.get("/patients/pat.jones/record", "dr.smith").body());
    long thread =
        StreamSupport.stream(all.spliterator(), false)
            .filter(e -> e.get("id").asLong() == entry)
            .findFirst()
            .orElseThrow()
            .get("threadId")
            .asLong();
    return StreamSupport.stream(all.spliterator(), false)
        .filter(e -> e.get("threadId").asLong() == thread)
        .toList();
  }

  private static List<WebElement> rows(Browser browser, String marker) {
    return browser
        .driver()
        .findElements(By.xpath("//table[@id='entries']//tr[contains(., '" + marker + "')]"));
  }

  private static By amendLinks(String marker) {
    return By.xpath(
        "//table[@id='entries']//tr[contains(., '" + marker + "')]//a[contains(@id, 'amend')]");
  }

  private static WebElement amendLink(Browser browser, String marker) {
    List<WebElement> links = browser.driver().findElements(amendLinks(marker));
    assertEquals(1, links.size(), "one version to amend");
    return links.get(0);
  }

  private static void assertNoSeriousViolations(Browser browser) {
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}

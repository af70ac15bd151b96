package org.patientportal.it.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * Forwarding and filing in the browser: dr.smith (in English) forwards pat.jones's message to
 * dr.chen with a note, choosing among the portal's own clinicians and teams only, files the
 * conversation into her medical record, opens the record page and downloads the entry as FHIR JSON;
 * dr.chen (in Spanish) finds the entry on the record page; pat.jones (in Spanish) sees to whom it
 * was forwarded and that it was filed, but not the note, and has no forward or filing form. Every
 * page passes axe.
 */
@Tag("browser")
class FilingBrowserIT {

  @Test
  void forwardFileAndTheRecordPageInEnglishAndSpanish() throws IOException {
    String marker = "File" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String note = "Chen: please check the dose " + marker;
    Messages.acceptGuidelines("pat.jones");
    long id =
        Messages.start(
            "pat.jones",
            Messages.draft(
                "dr.smith", "TEST_RESULT", "Results " + marker, "¿Están mis resultados?", false));

    try (Browser browser = new Browser("en")) {
      browser.signIn("dr.smith");
      browser.open(Portal.URL + "/messages/thread.xhtml?id=" + id);
      browser.waitFor(By.id("forward:to"));
      Select to = new Select(browser.driver().findElement(By.id("forward:to")));
      List<String> offered = to.getOptions().stream().map(o -> o.getAttribute("value")).toList();
      assertTrue(
          offered.contains("dr.chen") && offered.contains("pool:breast-oncology"), "" + offered);
      assertTrue(
          offered.stream().noneMatch(v -> v.contains("@") || v.equals("dr.smith")),
          "only the portal's own, not oneself: " + offered);
      assertEquals(
          "Note for the recipient",
          browser.driver().findElement(By.cssSelector("label[for='forward:note']")).getText());
      assertNoSeriousViolations(browser);

      // a forward without a note is refused next to the field
      to.selectByValue("dr.chen");
      browser.follow(By.id("forward:send"));
      assertFalse(browser.waitFor(By.id("forward:noteError")).getText().isBlank());
      assertNoSeriousViolations(browser);

      new Select(browser.driver().findElement(By.id("forward:to"))).selectByValue("dr.chen");
      browser.driver().findElement(By.id("forward:note")).sendKeys(note);
      browser.follow(By.id("forward:send"));
      String chen = browser.waitFor(By.id("forwardedTo")).getText();
      assertFalse(chen.isBlank());
      assertTrue(
          browser
              .driver()
              .findElement(By.id("history"))
              .getText()
              .contains("forwarded the conversation to " + chen));
      assertTrue(browser.driver().findElement(By.id("forwards")).getText().contains(note));
      assertNoSeriousViolations(browser);

      // the patient's message, ticked by its label (with the keyboard's space bar)
      List<org.openqa.selenium.WebElement> choices =
          browser.driver().findElements(By.cssSelector("input[name='filing:messageIds']"));
      assertEquals(1, choices.size(), "one message to choose");
      choices.get(0).sendKeys(org.openqa.selenium.Keys.SPACE);
      assertTrue(choices.get(0).isSelected());
      browser.follow(By.id("filing:file"));
      assertEquals(
          "Filed into the patient's medical record", browser.waitFor(By.id("filed")).getText());
      assertTrue(
          browser
              .driver()
              .findElement(By.id("history"))
              .getText()
              .contains("filed the conversation into the medical record"));
      assertNoSeriousViolations(browser);
      browser.screenshot("filing-thread-clinician-en");

      browser.follow(By.id("record"));
      String entries = browser.waitFor(By.id("entries")).getText();
      assertTrue(entries.contains("Results " + marker), entries);
      assertTrue(entries.contains("Version 1"), entries);
      assertTrue(
          browser.driver().getTitle().startsWith("Medical record"), browser.driver().getTitle());
      JsonNode filedEntries =
          Portal.json(Portal.get("/patients/pat.jones/record", "dr.smith").body());
      assertTrue(
          StreamSupport.stream(filedEntries.spliterator(), false)
              .anyMatch(
                  e ->
                      e.get("subject").asText().equals("Results " + marker)
                          && e.get("messageCount").asInt() == 1),
          "the chosen message was filed: " + filedEntries);
      assertNoSeriousViolations(browser);
      browser.screenshot("filing-record-en");

      browser
          .driver()
          .findElement(
              By.xpath(
                  "//table[@id='entries']//tr[contains(., '"
                      + marker
                      + "')]//a[contains(@href,'/records/fhir')]"))
          .click();
      Path file = download(browser);
      String fhir = Files.readString(file, StandardCharsets.UTF_8);
      assertTrue(fhir.contains("\"resourceType\": \"Bundle\""), fhir);
      assertTrue(fhir.contains("\"resourceType\": \"Communication\""), fhir);
      assertTrue(fhir.contains("¿Están mis resultados?"), fhir);
    }

    try (Browser browser = new Browser("es")) {
      browser.signIn("dr.chen");
      browser.open(Portal.URL + "/records/record.xhtml?patient=pat.jones");
      String entries = browser.waitFor(By.id("entries")).getText();
      assertTrue(entries.contains("Results " + marker), entries);
      assertTrue(entries.contains("Versión 1"), entries);
      assertTrue(
          browser.driver().getTitle().startsWith("Historia clínica"), browser.driver().getTitle());
      assertNoSeriousViolations(browser);
      browser.screenshot("filing-record-es");
    }

    try (Browser browser = new Browser("es")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/thread.xhtml?id=" + id);
      assertFalse(browser.waitFor(By.id("forwardedTo")).getText().isBlank());
      assertEquals(
          "Archivada en la historia clínica del paciente",
          browser.driver().findElement(By.id("filed")).getText());
      String history = browser.driver().findElement(By.id("history")).getText();
      assertTrue(history.contains("reenvió la conversación a"), history);
      assertTrue(history.contains("archivó la conversación en la historia clínica"), history);
      assertFalse(browser.driver().getPageSource().contains(note), "the note is the team's");
      assertTrue(browser.driver().findElements(By.id("forward:to")).isEmpty());
      assertTrue(browser.driver().findElements(By.id("filing:file")).isEmpty());
      assertNoSeriousViolations(browser);
      browser.screenshot("filing-thread-patient-es");

      // the record page is the care team's
      browser.open(Portal.URL + "/records/record.xhtml?patient=pat.jones");
      assertTrue(browser.driver().findElements(By.id("entries")).isEmpty());
    }
  }

  private static Path download(Browser browser) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> finished(browser.downloads()), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<Path> finished(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".fhir.json")).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertNoSeriousViolations(Browser browser) {
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}

package org.patientportal.it.browser;

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
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * The auditor's console in the browser: audit.kim searches by patient, outcome and time, pages by
 * sequence number, opens an entry's details by keyboard, downloads the search as CSV, in English
 * and Spanish without serious accessibility violations; patients and clinicians get the forbidden
 * page.
 */
@Tag("browser")
class AuditConsoleIT {

  static final int REFUSALS = 12;
  static final int PAGE = 10;
  static Instant start;
  static String body;

  /**
   * dr.chen tries {@value #REFUSALS} times to open a thread of pat.jones addressed to dr.smith
   * alone: as many refused accesses to pat.jones's information, more than one page of them.
   */
  @BeforeAll
  static void refusedAccessesToPatJones() {
    Messages.acceptGuidelines("pat.jones");
    body = Messages.marker("Console body");
    long thread =
        Messages.start(
            "pat.jones",
            Messages.draft("dr.smith", "STATUS", Messages.marker("Console"), body, false));
    start = Instant.now();
    for (int i = 0; i < REFUSALS; i++) {
      assertEquals(404, Portal.get("/threads/" + thread, "dr.chen").statusCode());
    }
  }

  /** The entries the API gives for the same search (the test's reference). */
  static List<JsonNode> expected(Instant from) {
    String log =
        Portal.get("/audit?patient=pat.jones&outcome=DENIED&size=500&from=" + from, "audit.kim")
            .body();
    return StreamSupport.stream(Portal.json(log).spliterator(), false).toList();
  }

  static List<Long> seqs(List<JsonNode> entries) {
    return entries.stream().map(e -> e.get("seq").asLong()).toList();
  }

  @Test
  void theAuditorSearchesPagesOpensDetailsAndDownloadsCsv() throws IOException {
    try (Browser browser = new Browser("en")) {
      browser.signIn("audit.kim");
      browser.follow(By.linkText("Access log"));
      assertEquals("Access log", browser.waitFor(By.tagName("h1")).getText());

      // A time the page cannot read is refused next to its field, in words.
      browser.driver().findElement(By.id("search:from")).sendKeys("yesterday");
      search(browser);
      assertEquals(
          "Write a date as 2026-11-25, or a date and time as 2026-11-25 14:30.",
          browser.waitFor(By.id("search:fromError")).getText());
      WebElement badFrom = browser.driver().findElement(By.id("search:from"));
      assertEquals("true", badFrom.getAttribute("aria-invalid"));
      assertEquals("yesterday", badFrom.getAttribute("value"), "what was typed stays");

      Instant from = criteria(browser);
      search(browser);
      List<Long> expected = seqs(expected(from));
      assertTrue(expected.size() >= REFUSALS, expected.toString());
      assertEquals(expected.subList(0, PAGE), shownSeqs(browser), "page 1");
      assertEquals("Page 1", browser.driver().findElement(By.id("page-status")).getText());
      assertEquals(List.of(), browser.seriousAccessibilityViolations());

      // The next page, by keyboard: entries older than the last one shown.
      page(browser, "results:older");
      assertEquals(
          expected.subList(PAGE, Math.min(2 * PAGE, expected.size())),
          shownSeqs(browser),
          "page 2");
      assertEquals("Page 2", browser.driver().findElement(By.id("page-status")).getText());
      page(browser, "results:newer");
      assertEquals(expected.subList(0, PAGE), shownSeqs(browser), "back to page 1");

      // An entry's every field, by keyboard; focus moves to the details.
      JsonNode first = expected(from).get(0);
      WebElement details = browser.driver().findElement(By.id("results:entries:0:show"));
      details.sendKeys(Keys.ENTER);
      WebElement title = browser.waitFor(By.id("details-title"));
      assertEquals("Entry " + first.get("seq").asText(), title.getText());
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
          .until(d -> "details-title".equals(d.switchTo().activeElement().getAttribute("id")));
      assertEquals("dr.chen", text(browser, "detail-actor"));
      assertEquals("pat.jones", text(browser, "detail-patient"));
      assertEquals("Refused access", text(browser, "detail-action"));
      assertEquals("Refused", text(browser, "detail-outcome"));
      assertEquals(first.get("resource").asText(), text(browser, "detail-resource"));
      assertEquals(first.get("clientAddress").asText(), text(browser, "detail-client"));
      assertEquals(first.get("userAgent").asText(), text(browser, "detail-user-agent"));
      assertEquals(
          first.path("actorRole").isTextual() ? "Clinician" : "Not recorded",
          text(browser, "detail-role"));
      assertEquals("None", text(browser, "detail-on-behalf-of"));
      assertFalse(browser.driver().getPageSource().contains(body), "never a message body");
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
      browser.screenshot("audit-console-details");
      browser.driver().findElement(By.id("entry:close")).sendKeys(Keys.ENTER);
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
          .until(ExpectedConditions.invisibilityOfElementLocated(By.id("details-title")));

      // The whole search as CSV, downloaded by the browser, and audited once.
      Instant beforeExport = Instant.now().minusMillis(1);
      browser.driver().findElement(By.id("results:csv")).click();
      Path csv = download(browser, ".csv");
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      assertEquals(
          "seq,at,actor,actorRole,onBehalfOf,patient,action,resource,outcome,clientAddress,userAgent",
          lines.get(0));
      assertEquals(expected.size(), lines.size() - 1, "one row per entry of the search");
      for (int i = 1; i < lines.size(); i++) {
        assertTrue(lines.get(i).startsWith(expected.get(i - 1) + ","), lines.get(i));
        assertTrue(lines.get(i).contains(",pat.jones,ACCESS_DENIED,"), lines.get(i));
        assertTrue(lines.get(i).contains(",DENIED,"), lines.get(i));
      }
      List<JsonNode> exports = Messages.audit("audit.kim", "AUDIT_EXPORT", beforeExport);
      assertEquals(1, exports.size(), exports.toString());
      assertTrue(exports.get(0).get("resource").asText().contains("format=csv"));
      assertTrue(exports.get(0).get("resource").asText().contains("outcome=DENIED"));

      // ... and as a FHIR bundle of the same entries.
      browser.driver().findElement(By.id("results:fhir")).click();
      JsonNode bundle = Portal.json(Files.readString(download(browser, ".json")));
      assertEquals("Bundle", bundle.get("resourceType").asText());
      List<Long> ids = new java.util.ArrayList<>();
      bundle.get("entry").forEach(e -> ids.add(e.get("resource").get("id").asLong()));
      assertEquals(expected, ids);

      // The page still works after a download.
      page(browser, "results:older");
      assertEquals("Page 2", browser.driver().findElement(By.id("page-status")).getText());
    }
  }

  /**
   * At 1280 px the Action column shows its whole text, in the page's language; the What column says
   * what a search was about in words, never "actor=null".
   */
  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "es"})
  void actionsAndWhatAreWholeWordsInThePagesLanguage(String language) {
    String refused = language.equals("en") ? "Refused access" : "Acceso denegado";
    String searched =
        language.equals("en") ? "Searched the access log" : "Buscó en el registro de accesos";
    try (Browser browser = new Browser(language)) {
      browser.signIn("audit.kim");
      browser.open(Portal.URL + "/audit/log.xhtml");
      browser.waitFor(By.id("results:entries"));
      assertEquals(
          refused,
          new Select(browser.driver().findElement(By.id("search:action")))
              .getOptions().stream()
                  .filter(o -> "ACCESS_DENIED".equals(o.getAttribute("value")))
                  .findFirst()
                  .orElseThrow()
                  .getText());
      criteria(browser);
      search(browser);
      List<WebElement> actions =
          browser
              .driver()
              .findElements(By.cssSelector("#results\\:entries td.portal-audit-action"));
      assertEquals(PAGE, actions.size());
      for (WebElement action : actions) {
        assertEquals(refused, action.getText());
      }
      assertEquals(List.of(), browser.cutOff("#results\\:entries td"), "cells cut off");
      assertEquals(0, browser.horizontalOverflow("#results\\:entries .ui-datatable-tablewrapper"));
      assertEquals(0, browser.horizontalOverflow("html"));

      // the searches of the access log: the What column names the criteria given, no "null"
      WebElement patient = browser.driver().findElement(By.id("search:patient"));
      patient.clear();
      WebElement actor = browser.driver().findElement(By.id("search:actor"));
      actor.sendKeys("audit.kim");
      new Select(browser.driver().findElement(By.id("search:outcome"))).selectByIndex(0);
      new Select(browser.driver().findElement(By.id("search:action")))
          .selectByValue("AUDIT_SEARCH");
      search(browser);
      List<WebElement> rows =
          browser.driver().findElements(By.cssSelector("#results\\:entries tbody tr"));
      assertTrue(!rows.isEmpty(), "audit.kim's searches are listed");
      for (WebElement row : rows) {
        String what = row.findElement(By.cssSelector("td.portal-audit-what")).getText();
        assertTrue(row.getText().contains(searched), row.getText());
        assertTrue(!what.contains("null") && !what.contains("="), what);
      }
      assertEquals(List.of(), browser.cutOff("#results\\:entries td"), "cells cut off");
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
      browser.screenshot("audit-console-actions-" + language);
    }
  }

  @Test
  void theConsoleIsAccessibleInSpanish() {
    try (Browser browser = new Browser("es")) {
      browser.signIn("audit.kim");
      browser.open(Portal.URL + "/audit/log.xhtml");
      assertEquals("Registro de accesos", browser.waitFor(By.tagName("h1")).getText());
      criteria(browser);
      search(browser);
      browser.driver().findElement(By.id("results:entries:0:show")).sendKeys(Keys.ENTER);
      assertTrue(browser.waitFor(By.id("details-title")).getText().startsWith("Entrada "));
      assertEquals("Denegado", text(browser, "detail-outcome"));
      assertEquals("Acceso denegado", text(browser, "detail-action"));
      // a time before the start is refused in Spanish
      WebElement to = browser.driver().findElement(By.id("search:to"));
      to.sendKeys("2000-01-01");
      search(browser);
      assertEquals(
          "\"Hasta el\" debe ser posterior a \"Desde el\".",
          browser.waitFor(By.id("search:toError")).getText());
      assertEquals(
          "2000-01-01", browser.driver().findElement(By.id("search:to")).getAttribute("value"));
      List<String> violations = browser.seriousAccessibilityViolations();
      assertTrue(violations.isEmpty(), String.join("\n", violations));
      browser.screenshot("audit-console-es");
    }
  }

  @ParameterizedTest(name = "{0} gets the forbidden page, audited")
  @ValueSource(strings = {"pat.jones", "dr.smith"})
  void patientsAndCliniciansAreKeptOut(String user) {
    Instant before = Instant.now().minusSeconds(1);
    try (Browser browser = new Browser("en")) {
      browser.signIn(user);
      browser.open(Portal.URL + "/audit/log.xhtml");
      assertEquals("Not allowed", browser.waitFor(By.tagName("h1")).getText());
      assertTrue(browser.driver().findElements(By.id("search:go")).isEmpty());
      assertTrue(browser.driver().findElements(By.linkText("Access log")).isEmpty());
    }
    assertTrue(
        Messages.audit(user, "ACCESS_DENIED", before).stream()
            .anyMatch(e -> e.get("resource").asText().equals("/portal/audit/log.xhtml")),
        user);
  }

  /**
   * Types the criteria of this test's refusals (pat.jones, refused, since the minute they began,
   * pages of ten) and returns the start of that minute.
   */
  static Instant criteria(Browser browser) {
    String hint = browser.driver().findElement(By.id("search-times-hint")).getText();
    ZoneId zone = ZoneId.of(hint.substring(hint.lastIndexOf('(') + 1, hint.lastIndexOf(')')));
    Instant minute = start.truncatedTo(ChronoUnit.MINUTES);
    WebElement from = browser.driver().findElement(By.id("search:from"));
    from.clear();
    from.sendKeys(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(zone).format(minute));
    WebElement patient = browser.driver().findElement(By.id("search:patient"));
    patient.clear();
    patient.sendKeys("pat.jones");
    new Select(browser.driver().findElement(By.id("search:outcome"))).selectByValue("DENIED");
    new Select(browser.driver().findElement(By.id("search:size")))
        .selectByValue(String.valueOf(PAGE));
    return minute;
  }

  /** Presses Search and waits for the results to be replaced. */
  static void search(Browser browser) {
    WebElement results = browser.driver().findElement(By.id("results:entries"));
    browser.driver().findElement(By.id("search:go")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(ExpectedConditions.stalenessOf(results));
    browser.waitFor(By.id("results:entries"));
  }

  /** Presses a pager button with the keyboard and waits for the new page. */
  static void page(Browser browser, String button) {
    WebElement results = browser.driver().findElement(By.id("results:entries"));
    browser.driver().findElement(By.id(button)).sendKeys(Keys.ENTER);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(ExpectedConditions.stalenessOf(results));
    browser.waitFor(By.id("results:entries"));
  }

  static List<Long> shownSeqs(Browser browser) {
    return browser.driver().findElements(By.cssSelector("#results\\:entries .portal-seq")).stream()
        .map(e -> Long.valueOf(e.getText().strip()))
        .toList();
  }

  static String text(Browser browser, String id) {
    return browser.driver().findElement(By.id(id)).getText().strip();
  }

  /** The finished download of this extension (Chromium writes .crdownload until it is done). */
  static Path download(Browser browser, String extension) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> finished(browser.downloads(), extension), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<Path> finished(Path dir, String extension) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(extension)).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.patientportal.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The auditor's reports page: audit.kim sees the charts of accesses and refusals per day, with the
 * same numbers in a table under a toggle, runs the unusual-access report and opens the entries
 * behind a burst of opens, in English and in Spanish, with no serious accessibility violation; a
 * clinician is kept off the page.
 */
@Tag("browser")
class AuditReportsBrowserIT {

  @Test
  void theAuditorSeesTheChartsAndTheNumbersAndRunsTheUnusualAccessReport() {
    int burst =
        Portal.json(Portal.get("/audit/reports/unusual-access", "audit.kim").body())
            .get("rules")
            .get("burstOpens")
            .asInt();
    Messages.acceptGuidelines("sam.rivera");
    long thread =
        Messages.start(
            "sam.rivera",
            Messages.draft("dr.chen", "GENERAL", Messages.marker("Burst"), "Read me.", false));
    for (int i = 0; i <= burst; i++) {
      assertEquals(200, Portal.get("/threads/" + thread, "dr.chen").statusCode());
    }

    try (Browser browser = new Browser("en")) {
      browser.signIn("audit.kim");
      browser.follow(By.linkText("Reports"));
      assertEquals("Access reports", browser.waitFor(By.tagName("h1")).getText());

      WebElement accesses = browser.waitFor(By.cssSelector("#accessesChart canvas"));
      assertEquals("img", accesses.getAttribute("role"));
      assertTrue(
          accesses
              .getAttribute("aria-label")
              .startsWith("Bar chart of accesses per day (time zone America/New_York)"),
          accesses.getAttribute("aria-label"));
      WebElement refused = browser.waitFor(By.cssSelector("#refusedChart canvas"));
      assertTrue(refused.getAttribute("aria-label").startsWith("Bar chart of refused requests"));
      assertTrue(
          browser
              .driver()
              .findElement(By.id("activity-range"))
              .getText()
              .contains("(days in America/New_York)"));

      browser.driver().findElement(By.cssSelector("#activity-numbers summary")).click();
      WebElement table = browser.waitFor(By.id("activityTable"));
      List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
      assertEquals(30, rows.size(), "one row per day of the last 30");
      WebElement today = rows.get(rows.size() - 1);
      List<WebElement> cells = today.findElements(By.tagName("td"));
      assertEquals(LocalDate.now(ZoneId.of("America/New_York")).toString(), cells.get(0).getText());
      assertTrue(
          Long.parseLong(cells.get(1).getText().replace(",", "")) > burst,
          "today's accesses include the burst: " + today.getText());
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
      browser.screenshot("audit-reports-activity");

      browser.follow(By.id("unusual:run"));
      assertTrue(
          browser.waitFor(By.id("unusual-summary")).getText().startsWith("Report from"),
          browser.driver().findElement(By.id("unusual-summary")).getText());
      WebElement finding =
          browser
              .driver()
              .findElement(
                  By.cssSelector("li.portal-finding[data-kind='BURST'][data-actor='dr.chen']"));
      finding.findElement(By.tagName("summary")).click();
      List<WebElement> seqs = finding.findElements(By.cssSelector(".portal-seq"));
      assertTrue(seqs.size() > burst, seqs.size() + " entries behind the burst");
      assertTrue(seqs.get(0).isDisplayed(), "the entries show once opened");
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
      browser.screenshot("audit-reports-unusual");
    }

    try (Browser browser = new Browser("es")) {
      browser.signIn("audit.kim");
      browser.follow(By.linkText("Informes"));
      assertEquals("Informes de accesos", browser.waitFor(By.tagName("h1")).getText());
      browser.driver().findElement(By.cssSelector("#activity-numbers summary")).click();
      browser.waitFor(By.id("activityTable"));
      browser.follow(By.id("unusual:run"));
      assertTrue(browser.waitFor(By.id("unusual-summary")).getText().startsWith("Informe del"));
      browser
          .driver()
          .findElement(By.cssSelector("li.portal-finding[data-kind='BURST'] summary"))
          .click();
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
      browser.screenshot("audit-reports-es");
    }
  }

  @Test
  void aClinicianIsKeptOffTheReportsPage() {
    try (Browser browser = new Browser("en")) {
      browser.signIn("dr.smith");
      assertTrue(browser.driver().findElements(By.linkText("Reports")).isEmpty());
      browser.open(Portal.URL + "/audit/reports.xhtml");
      assertEquals("Not allowed", browser.waitFor(By.tagName("h1")).getText());
    }
  }
}

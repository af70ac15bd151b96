package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;

/**
 * The inbox and the work queue page and search in the browser as the API does: the patient searches
 * her inbox for a word and walks its pages with Older and Newer; the clinician searches his queue
 * and walks the table's pages; every thread is shown once; the pages pass axe-core.
 */
@Tag("browser")
class ThreadListsBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int THREADS = 23; // a page holds 20

  private static String word;
  private static long lastThread;

  @BeforeAll
  static void threadsWithAWordOfTheirOwn() {
    Messages.acceptGuidelines("pat.jones");
    word = Messages.word();
    for (int i = 0; i < THREADS; i++) {
      lastThread =
          Messages.start(
              "pat.jones",
              Messages.draft(
                  "dr.smith", "GENERAL", "Pregunta número " + i + " " + word, "¿?", false));
    }
  }

  @Test
  void thePatientSearchesHerInboxAndWalksItsPages() {
    try (Browser browser = new Browser("es")) {
      browser.signIn("pat.jones");
      browser.open(org.patientportal.it.support.Portal.URL + "/messages/inbox.xhtml");
      browser.waitFor(By.id("search:q")).sendKeys("NUMERO " + word);
      browser.follow(By.id("search:apply"));
      List<String> first = items(browser);
      assertEquals(20, first.size(), first.toString());
      assertTrue(first.get(0).contains("Pregunta número " + (THREADS - 1)), first.get(0));
      assertTrue(browser.driver().findElements(By.id("pages:newer")).isEmpty());
      assertTrue(browser.seriousAccessibilityViolations().isEmpty());

      browser.follow(By.id("pages:older"));
      List<String> second = items(browser);
      assertEquals(THREADS - 20, second.size(), second.toString());
      assertTrue(browser.driver().findElements(By.id("pages:older")).isEmpty());
      List<String> all = new ArrayList<>(first);
      all.addAll(second);
      assertEquals(THREADS, all.stream().distinct().count(), "each thread once");

      browser.follow(By.id("pages:newer"));
      assertEquals(first, items(browser));

      // her own thread shows her no identifier of hers: that is for the care team
      browser.open(
          org.patientportal.it.support.Portal.URL + "/messages/thread.xhtml?id=" + lastThread);
      browser.waitFor(By.id("subject"));
      assertTrue(browser.driver().findElements(By.id("patientId")).isEmpty());
      browser.open(org.patientportal.it.support.Portal.URL + "/messages/inbox.xhtml");

      // a search with no word long enough is refused next to the box, in Spanish
      WebElement box = browser.waitFor(By.id("search:q"));
      box.clear();
      box.sendKeys("de la");
      browser.follow(By.id("search:apply"));
      assertTrue(
          browser.waitFor(By.id("search:q-error")).getText().contains("al menos 3 letras"),
          browser.driver().findElement(By.id("main")).getText());
    }
  }

  @Test
  void theClinicianSearchesHisQueueAndWalksTheTablesPages() {
    try (Browser browser = new Browser("en")) {
      browser.signIn("dr.smith");
      browser.open(org.patientportal.it.support.Portal.URL + "/messages/queue.xhtml");
      WebElement table = browser.waitFor(By.id("results:threads"));
      browser.driver().findElement(By.id("filters:q")).sendKeys(word);
      new Select(browser.driver().findElement(By.id("filters:order")))
          .selectByVisibleText("Newest first");
      browser.driver().findElement(By.id("filters:apply")).click();
      new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.stalenessOf(table));
      new WebDriverWait(browser.driver(), WAIT)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("results:threads"), "Pregunta número " + (THREADS - 1)));
      List<String> first = rows(browser);
      assertEquals(20, first.size(), first.toString());
      assertTrue(browser.seriousAccessibilityViolations().isEmpty());
      // beside the patient's name, her medical record number: two patients may share a name
      String firstRowText =
          browser.driver().findElement(By.cssSelector("[id='results:threads'] tbody tr")).getText();
      assertTrue(firstRowText.contains("Pat Jones MRN 10004521"), firstRowText);

      WebElement firstRow =
          browser.driver().findElement(By.cssSelector("[id='results:threads'] tbody tr"));
      browser
          .driver()
          .findElement(By.cssSelector("[id='results:threads'] .ui-paginator-next"))
          .click();
      new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.stalenessOf(firstRow));
      new WebDriverWait(browser.driver(), WAIT)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("results:threads"), "Pregunta número 0 "));
      List<String> second = rows(browser);
      assertEquals(THREADS - 20, second.size(), second.toString());
      List<String> all = new ArrayList<>(first);
      all.addAll(second);
      assertEquals(THREADS, all.stream().distinct().count(), "each thread once");

      browser.open(
          org.patientportal.it.support.Portal.URL + "/messages/thread.xhtml?id=" + lastThread);
      assertEquals("MRN 10004521", browser.waitFor(By.id("patientId")).getText());
    }
  }

  @Test
  void theClinicianFiltersHisQueueByRequestTypeAndStatus() {
    java.net.http.HttpResponse<String> created =
        org.patientportal.it.support.Portal.post(
            "/requests",
            "pat.jones",
            java.util.Map.of(
                "type",
                "PRESCRIPTION_RENEWAL",
                "medication",
                "Letrozole " + word,
                "dose",
                "2.5 mg daily",
                "pharmacy",
                "Main Street Pharmacy"));
    assertEquals(201, created.statusCode(), created.body());
    long thread = org.patientportal.it.support.Portal.json(created.body()).get("threadId").asLong();
    try (Browser browser = new Browser("en")) {
      browser.signIn("dr.smith");
      browser.open(org.patientportal.it.support.Portal.URL + "/messages/queue.xhtml");
      WebElement table = browser.waitFor(By.id("results:threads"));
      assertEquals(
          "Request type",
          browser
              .driver()
              .findElement(By.cssSelector("label[for='filters:requestType']"))
              .getText());
      new Select(browser.driver().findElement(By.id("filters:requestType")))
          .selectByVisibleText("Prescription renewal");
      new Select(browser.driver().findElement(By.id("filters:requestStatus")))
          .selectByVisibleText("Submitted");
      browser.driver().findElement(By.id("filters:patient")).sendKeys("pat.jones");
      new Select(browser.driver().findElement(By.id("filters:order")))
          .selectByVisibleText("Newest first");
      browser.driver().findElement(By.id("filters:apply")).click();
      new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.stalenessOf(table));
      WebElement first =
          new WebDriverWait(browser.driver(), WAIT)
              .until(
                  ExpectedConditions.presenceOfElementLocated(
                      By.cssSelector("[id='results:threads'] tbody tr .portal-thread-link")));
      assertTrue(first.getAttribute("href").endsWith("id=" + thread), first.getAttribute("href"));
      assertTrue(browser.seriousAccessibilityViolations().isEmpty());

      // in review: the submitted renewal is no longer listed
      new Select(browser.driver().findElement(By.id("filters:requestStatus")))
          .selectByVisibleText("In review");
      WebElement shown = browser.driver().findElement(By.id("results:threads"));
      browser.driver().findElement(By.id("filters:apply")).click();
      new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.stalenessOf(shown));
      browser.waitFor(By.id("results:threads"));
      assertTrue(
          browser
              .driver()
              .findElements(By.cssSelector("[id='results:threads'] a[href$='id=" + thread + "']"))
              .isEmpty());
    }
  }

  private static List<String> items(Browser browser) {
    browser.waitFor(By.id("threads"));
    return browser.driver().findElements(By.cssSelector("#threads > li")).stream()
        .map(li -> li.findElement(By.className("portal-thread-subject")).getText())
        .toList();
  }

  private static List<String> rows(Browser browser) {
    return browser.driver().findElements(By.cssSelector("[id='results:threads'] tbody tr")).stream()
        .map(r -> r.findElement(By.className("portal-thread-link")).getText())
        .toList();
  }
}

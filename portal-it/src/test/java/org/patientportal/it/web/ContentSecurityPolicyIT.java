package org.patientportal.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Portal;

/**
 * The pages work under their Content-Security-Policy: Chromium reports no violation (each page
 * records its {@code securitypolicyviolation} events from before its first script) while the
 * Ajax-driven views are used, and an inline script injected into a page does not run.
 */
@Tag("browser")
class ContentSecurityPolicyIT {

  private static final String RECORDER =
      "window.__cspViolations = [];"
          + "document.addEventListener('securitypolicyviolation', function (e) {"
          + "  window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI"
          + "    + ' at ' + e.sourceFile + ':' + e.lineNumber);"
          + "});";

  @Test
  void theAuditorsAjaxViewsRunWithoutViolations() {
    try (Browser browser = recording("en")) {
      browser.signIn("audit.kim");
      assertNoViolations(browser);
      browser.follow(By.linkText("Access log"));
      browser.waitFor(By.id("search:go"));
      assertNoViolations(browser);
      WebElement results = browser.driver().findElement(By.id("results:entries"));
      browser.driver().findElement(By.id("search:go")).click(); // an f:ajax request
      new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
          .until(ExpectedConditions.stalenessOf(results));
      browser.waitFor(By.id("results:entries"));
      browser.driver().findElement(By.id("results:entries:0:show")).click();
      browser.waitFor(By.id("details-title"));
      assertNoViolations(browser);
      browser.follow(By.linkText("Reports"));
      browser.waitFor(By.id("activity-range"));
      assertNoViolations(browser);
      browser.follow(By.linkText("Log integrity"));
      assertNoViolations(browser);
    }
  }

  @Test
  void theMessagingViewsRunWithoutViolations() {
    try (Browser browser = recording("es")) {
      browser.signIn("dr.smith");
      browser.open(Portal.URL + "/messages/queue.xhtml");
      WebElement table = browser.waitFor(By.id("results:threads"));
      new Select(browser.driver().findElement(By.id("filters:category")))
          .selectByValue("APPOINTMENT");
      browser.driver().findElement(By.id("filters:apply")).click(); // an f:ajax request
      new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
          .until(ExpectedConditions.stalenessOf(table));
      browser.waitFor(By.id("results:threads"));
      assertNoViolations(browser);
      browser.open(Portal.URL + "/messages/inbox.xhtml");
      assertNoViolations(browser);
    }
    try (Browser browser = recording("en")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/compose.xhtml");
      browser.waitFor(By.tagName("h1"));
      assertNoViolations(browser);
      browser.open(Portal.URL + "/account/access-log.xhtml");
      browser.waitFor(By.tagName("h1"));
      assertNoViolations(browser);
    }
  }

  @Test
  void injectedInlineHandlersDoNotRun() {
    try (Browser browser = recording("en")) {
      browser.signIn("pat.jones");
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      // what a stored XSS would amount to: markup with inline handlers put into the page
      js.executeScript(
          "var d = document.createElement('div');"
              + "d.innerHTML = '<img src=\"data:,x\" onerror=\"window.__pwned=1\">'"
              + "  + '<svg onload=\"window.__pwned=2\"></svg>';"
              + "document.body.appendChild(d);");
      new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
          .until(d -> !violations(browser).isEmpty());
      assertEquals(null, js.executeScript("return window.__pwned === undefined ? null : 1;"));
      assertTrue(
          violations(browser).stream().allMatch(v -> v.startsWith("script-src")),
          violations(browser).toString());
    }
  }

  private static Browser recording(String language) {
    Browser browser = new Browser(language);
    ((ChromeDriver) browser.driver())
        .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    return browser;
  }

  @SuppressWarnings("unchecked")
  private static List<String> violations(Browser browser) {
    Object list =
        ((JavascriptExecutor) browser.driver())
            .executeScript("return window.__cspViolations || [];");
    return (List<String>) list;
  }

  private static void assertNoViolations(Browser browser) {
    List<String> violations = violations(browser);
    assertFalse(violations == null, "the recorder ran on " + browser.driver().getCurrentUrl());
    assertTrue(
        violations.isEmpty(),
        browser.driver().getCurrentUrl() + " broke its policy: " + String.join("\n", violations));
  }
}

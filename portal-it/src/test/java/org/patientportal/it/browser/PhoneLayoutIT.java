package org.patientportal.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The portal on a 390 px phone: the header and the work queue's and access log's tables fit the
 * screen (nothing wider than its box, no cell cut off), and the read-receipt checkbox is a target
 * of at least 24 by 24 px (WCAG 2.5.8) on a phone and at 1280 px, in English and Spanish.
 */
@Tag("browser")
class PhoneLayoutIT {

  static final int PHONE = 390;

  /**
   * The page as a whole is no wider than the screen, nor is its header. On a mobile viewport a page
   * wider than the phone widens the layout viewport itself, so innerWidth says so first.
   */
  static void fitsSideways(Browser browser, String page) {
    assertEquals(
        0L,
        ((Number)
                ((JavascriptExecutor) browser.driver())
                    .executeScript("return innerWidth <= " + PHONE + " ? 0 : innerWidth;"))
            .longValue(),
        page + ": the layout is wider than the phone (a mobile viewport widens to its content)");
    assertEquals(0, browser.horizontalOverflow("html"), page + ": the page scrolls sideways");
    assertEquals(0, browser.horizontalOverflow(".portal-header"), page + ": header overflows");
    assertEquals(
        List.of(),
        browser.cutOff(".portal-header *:not(.visually-hidden)"),
        page + ": header cut off");
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "es"})
  void thePatientsPagesFitAPhone(String language) {
    Messages.acceptGuidelines("pat.jones");
    long id =
        Messages.start(
            "pat.jones",
            Messages.draft("dr.smith", "STATUS", Messages.marker("Phone"), "On a phone", false));
    Portal.get("/threads/" + id, "dr.smith");
    Portal.get("/threads/" + id, "sam.rivera");
    try (Browser browser = new Browser(language, PHONE)) {
      browser.signIn("pat.jones");
      fitsSideways(browser, "home");

      browser.open(Portal.URL + "/account/access-log.xhtml");
      browser.waitFor(By.id("accesses"));
      fitsSideways(browser, "access log");
      assertEquals(0, browser.horizontalOverflow("#accesses"), "access-log table");
      assertEquals(List.of(), browser.cutOff("#accesses td"), "access-log cells cut off");
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
      browser.screenshot("phone-access-log-" + language);

      browser.open(Portal.URL + "/messages/compose.xhtml");
      browser.waitFor(By.id("compose:readReceipt"));
      fitsSideways(browser, "compose");
      assertTargetOf24(browser, "compose:readReceipt");
      browser.screenshot("phone-compose-" + language);
    }
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "es"})
  void theWorkQueueFitsAPhone(String language) {
    Messages.acceptGuidelines("pat.jones");
    Messages.start(
        "pat.jones",
        Messages.draft(
            "dr.smith", "PRESCRIPTION", Messages.marker("Queue phone"), "Queue on a phone", true));
    try (Browser browser = new Browser(language, PHONE)) {
      browser.signIn("dr.smith");
      browser.open(Portal.URL + "/messages/queue.xhtml");
      browser.waitFor(By.id("results:threads"));
      fitsSideways(browser, "queue");
      assertEquals(0, browser.horizontalOverflow("#results\\:threads"), "queue table");
      assertEquals(List.of(), browser.cutOff("#results\\:threads td"), "queue cells cut off");
      assertEquals(List.of(), browser.seriousAccessibilityViolations());
      browser.screenshot("phone-queue-" + language);
    }
  }

  @Test
  void theReadReceiptCheckboxIsA24PixelTargetOnADesktopToo() {
    Messages.acceptGuidelines("pat.jones");
    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/compose.xhtml");
      browser.waitFor(By.id("compose:readReceipt"));
      assertTargetOf24(browser, "compose:readReceipt");
    }
  }

  @SuppressWarnings("unchecked")
  static void assertTargetOf24(Browser browser, String id) {
    Map<String, Object> box =
        (Map<String, Object>)
            ((JavascriptExecutor) browser.driver())
                .executeScript(
                    "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + " return {width: r.width, height: r.height};",
                    id);
    double width = ((Number) box.get("width")).doubleValue();
    double height = ((Number) box.get("height")).doubleValue();
    assertTrue(width >= 24 && height >= 24, id + " is " + width + " x " + height + " px");
  }
}

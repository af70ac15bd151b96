package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The inbox people expect, in the browser: a patient (in English) sees her unread count on the home
 * page and in the menu (its name for a screen reader "Messages, N unread", its text unchanged), her
 * Sent view, who has each conversation and by when on every row, archives a conversation and brings
 * it back, and prints one without the portal's chrome; a clinician (in Spanish) reopens a done
 * conversation and sees it in the history; the patient's boxes in Spanish. Every page passes axe.
 */
class InboxBoxesBrowserIT {

  private static final String POOL = "pool:breast-oncology";

  @Test
  void thePatientCountsSendsArchivesAndPrints() {
    Messages.acceptGuidelines("pat.jones");
    String marker = Messages.word();
    long id =
        Messages.start(
            "pat.jones", Messages.draft(POOL, "GENERAL", "Boxes " + marker, "Hi", false));
    assertEquals(
        201,
        Portal.post("/threads/" + id + "/messages", "nurse.lee", Map.of("body", "Answer"))
            .statusCode());
    String subject = "[General] Boxes " + marker;

    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      String sentence = browser.waitFor(By.id("unread")).getText();
      assertTrue(
          sentence.matches(
              "You have (1 unread conversation|\\d+ unread conversations|more than 99 unread conversations)\\."),
          sentence);
      // the entry's text stays "Messages"; its name for a screen reader adds the count
      WebElement menu = messagesEntry(browser);
      assertEquals("Messages", menu.getText());
      String spoken = menu.getAttribute("aria-label");
      assertTrue(spoken.matches("Messages, (\\d+|99\\+) unread"), spoken);
      WebElement count =
          browser.driver().findElement(By.cssSelector("nav.portal-nav li .portal-count"));
      assertEquals("true", count.getAttribute("aria-hidden"));
      assertEquals(spoken.replace("Messages, ", "").replace(" unread", ""), count.getText());
      assertNoSeriousViolations(browser);

      // the Sent view, by its tab
      browser.open(Portal.URL + "/messages/inbox.xhtml");
      browser.follow(By.linkText("Sent"));
      assertEquals("Sent messages", browser.waitFor(By.tagName("h1")).getText());
      assertEquals(
          "page", browser.driver().findElement(By.linkText("Sent")).getAttribute("aria-current"));
      search(browser, marker);
      String row = browser.waitFor(By.id("threads")).getText();
      assertTrue(row.contains(subject), row);
      assertTrue(row.contains("Handled by: not yet taken by the care team"), row);
      assertTrue(row.contains("Answer expected by: no answer awaited"), row);
      assertNoSeriousViolations(browser);

      // the conversation prints without menus, header, footer, forms or buttons
      browser.follow(By.partialLinkText(subject));
      WebElement print = browser.waitFor(By.id("print"));
      assertEquals("Print", print.getText());
      assertEquals("button", print.getAttribute("type"));
      assertNoSeriousViolations(browser);
      ((HasCdp) browser.driver())
          .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      for (String chrome :
          List.of(".portal-header", ".portal-nav", ".portal-footer", "#print", "#reply\\:send")) {
        assertFalse(
            browser.driver().findElement(By.cssSelector(chrome)).isDisplayed(),
            chrome + " is printed");
      }
      assertTrue(browser.driver().findElement(By.id("messages")).isDisplayed());
      assertTrue(browser.driver().findElement(By.id("subject")).isDisplayed());
      ((HasCdp) browser.driver())
          .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

      // archived: out of the inbox, into Archived, and back
      browser.follow(By.id("archiving:archive"));
      assertTrue(browser.waitFor(By.id("notices")).getText().contains("archived"));
      search(browser, marker);
      browser.waitFor(By.id("inbox-no-match"));
      browser.follow(By.linkText("Archived"));
      assertEquals("Archived conversations", browser.waitFor(By.tagName("h1")).getText());
      search(browser, marker);
      assertTrue(browser.waitFor(By.id("threads")).getText().contains(subject));
      assertNoSeriousViolations(browser);
      browser.follow(By.partialLinkText(subject));
      assertEquals(
          "Back to archived conversations",
          browser.waitFor(By.cssSelector(".portal-back a")).getText());
      browser.follow(By.id("archiving:unarchive"));
      assertTrue(browser.waitFor(By.id("notices")).getText().contains("back in your inbox"));
      assertFalse(browser.driver().findElements(By.id("archiving:archive")).isEmpty());
      browser.open(Portal.URL + "/messages/inbox.xhtml");
      search(browser, marker);
      assertTrue(browser.waitFor(By.id("threads")).getText().contains(subject));
    }
  }

  @Test
  void theClinicianReopensADoneConversationInSpanish() {
    Messages.acceptGuidelines("pat.jones");
    String marker = Messages.word();
    long id =
        Messages.start(
            "pat.jones", Messages.draft(POOL, "GENERAL", "Reabrir " + marker, "Hola", false));
    assertEquals(204, Portal.post("/threads/" + id + "/done", "dr.chen", "").statusCode());

    try (Browser browser = new Browser("es")) {
      browser.signIn("dr.chen");
      String sentence = browser.waitFor(By.id("unread")).getText();
      assertTrue(sentence.contains("sin leer"), sentence);
      assertNoSeriousViolations(browser);
      browser.open(Portal.URL + "/messages/thread.xhtml?id=" + id);
      assertEquals("Resuelta", browser.waitFor(By.id("status")).getText());
      WebElement reopen = browser.driver().findElement(By.id("reopening:reopen"));
      assertEquals("Reabrir", reopen.getAttribute("value"));
      assertNoSeriousViolations(browser);
      browser.follow(reopen);
      assertEquals("Abierta", browser.waitFor(By.id("status")).getText());
      assertTrue(
          browser
              .driver()
              .findElement(By.id("history"))
              .getText()
              .contains("reabrió la conversación"));
      assertTrue(browser.driver().findElements(By.id("reopening:reopen")).isEmpty());
      assertFalse(browser.driver().findElement(By.id("print")).getText().isBlank());
      assertNoSeriousViolations(browser);
    }
    try (Browser browser = new Browser("es")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/inbox.xhtml?box=archived");
      assertEquals("Conversaciones archivadas", browser.waitFor(By.tagName("h1")).getText());
      assertEquals(
          List.of("Recibidos", "Enviados", "Archivados"),
          browser.driver().findElements(By.cssSelector("#boxes a")).stream()
              .map(WebElement::getText)
              .toList());
      assertNoSeriousViolations(browser);
      browser.open(Portal.URL + "/messages/thread.xhtml?id=" + id);
      assertTrue(browser.waitFor(By.id("history")).getText().contains("reabrió la conversación"));
      assertTrue(browser.driver().findElements(By.id("reopening:reopen")).isEmpty());
      assertEquals(
          "Archivar",
          browser.driver().findElement(By.id("archiving:archive")).getAttribute("value"));
    }
  }

  private static WebElement messagesEntry(Browser browser) {
    return browser
        .driver()
        .findElement(By.cssSelector("nav.portal-nav a[href*='/messages/inbox.xhtml']"));
  }

  private static void search(Browser browser, String words) {
    WebElement q = browser.waitFor(By.id("search:q"));
    q.clear();
    q.sendKeys(words);
    browser.follow(By.id("search:apply"));
  }

  private static void assertNoSeriousViolations(Browser browser) {
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}

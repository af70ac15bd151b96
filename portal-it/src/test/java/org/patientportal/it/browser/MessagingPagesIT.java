package org.patientportal.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Hospital;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The security matrix of the messaging pages in the browser: each role on the inbox, the compose
 * form, the work queue and a thread of pat.jones addressed to dr.smith. A page a role may not use
 * shows "Not allowed" (and is audited with its address); a thread one may not see shows "Page not
 * found" (and is audited as a refused thread of pat.jones); nothing of the thread shows.
 */
@Tag("browser")
class MessagingPagesIT {

  static long thread;
  static String subject;

  @BeforeAll
  static void aThreadOfPatJonesToDrSmith() {
    Messages.acceptGuidelines("pat.jones");
    subject = Messages.marker("Pages matrix");
    thread =
        Messages.start(
            "pat.jones", Messages.draft("dr.smith", "BILLING", subject, "A bill question.", false));
  }

  private static final Map<String, String> PAGES =
      Map.of(
          "inbox", "/messages/inbox.xhtml",
          "compose", "/messages/compose.xhtml",
          "queue", "/messages/queue.xhtml",
          "thread", "/messages/thread.xhtml?id=");

  private static final Map<String, String> TITLES =
      Map.of(
          "inbox", "Messages",
          "compose", "New message",
          "queue", "Work queue",
          "forbidden", "Not allowed",
          "picker", "Whom you act for",
          "notfound", "Page not found");

  @ParameterizedTest(name = "{0}: inbox {1}, compose {2}, queue {3}, thread {4}")
  @CsvSource({
    "pat.jones,  inbox,     compose,   forbidden, thread",
    "sam.rivera, inbox,     compose,   forbidden, notfound",
    "dr.smith,   queue,     forbidden, queue,     thread",
    "dr.chen,    queue,     forbidden, queue,     notfound",
    // staff: the thread to dr.smith is theirs in business hours (StaffHoursApiIT), else unknown
    "nurse.lee,  queue,     forbidden, queue,     notfound~thread",
    "audit.kim,  forbidden, forbidden, forbidden, forbidden",
    "comms.diaz, forbidden, forbidden, forbidden, forbidden",
    // a caregiver who has chosen nobody to act for is sent to that choice (account/acting-for)
    "chris.jones, picker,    picker,    forbidden, picker"
  })
  void eachRoleSeesOnlyItsPages(
      String user, String inbox, String compose, String queue, String threadCell) {
    // "closed~open": what the page is outside and inside the hospital's business hours
    String threadPage =
        threadCell.contains("~") ? threadCell.split("~")[Hospital.openNow() ? 1 : 0] : threadCell;
    Instant before = Instant.now().minusSeconds(2);
    try (Browser browser = new Browser("en")) {
      browser.signIn(user);
      for (Map.Entry<String, String> expected :
          List.of(
              Map.entry("inbox", inbox),
              Map.entry("compose", compose),
              Map.entry("queue", queue),
              Map.entry("thread", threadPage))) {
        String path =
            PAGES.get(expected.getKey()) + (expected.getKey().equals("thread") ? thread : "");
        browser.open(Portal.URL + path);
        String heading = browser.waitFor(By.tagName("h1")).getText();
        String want =
            expected.getValue().equals("thread")
                ? "[Billing] " + subject
                : TITLES.get(expected.getValue());
        assertEquals(want, heading, user + " on " + path);
        if (expected.getValue().equals("forbidden") || expected.getValue().equals("notfound")) {
          assertFalse(browser.driver().getPageSource().contains(subject), "nothing of the thread");
        }
      }
    }
    List<String> denied =
        Messages.audit(user, "ACCESS_DENIED", before).stream()
            .map(e -> e.get("resource").asText())
            .toList();
    if (threadPage.equals("notfound")) {
      assertTrue(denied.contains("thread/" + thread), user + ": " + denied);
    }
    if (queue.equals("forbidden")) {
      assertTrue(
          denied.stream().anyMatch(r -> r.endsWith("/portal/messages/queue.xhtml")),
          user + ": " + denied);
    }
    if (compose.equals("forbidden")) {
      assertTrue(
          denied.stream().anyMatch(r -> r.endsWith("/portal/messages/compose.xhtml")),
          user + ": " + denied);
    }
  }
}

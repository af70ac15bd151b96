package org.patientportal.web.layout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A menu entry marks its whole folder as the current section. */
class MenuViewTest {

  private static MenuView.Entry entry(String outcome) {
    return MenuView.ENTRIES.stream()
        .filter(e -> e.getOutcome().equals(outcome))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aConversationIsInTheMessagesSection() {
    assertTrue(entry("/messages/inbox.xhtml").inSection("/messages/inbox.xhtml"));
    assertTrue(entry("/messages/inbox.xhtml").inSection("/messages/thread.xhtml"));
    assertTrue(entry("/messages/queue.xhtml").inSection("/messages/thread.xhtml"));
    assertFalse(entry("/messages/inbox.xhtml").inSection("/account/account.xhtml"));
  }

  @Test
  void aViewWithAnEntryOfItsOwnIsOnlyThatEntrysSection() {
    assertTrue(entry("/account/access-log.xhtml").inSection("/account/access-log.xhtml"));
    assertFalse(entry("/account/account.xhtml").inSection("/account/access-log.xhtml"));
    assertFalse(entry("/messages/inbox.xhtml").inSection("/messages/queue.xhtml"));
  }

  @Test
  void theHomePageIsItsOwnSection() {
    assertTrue(entry("/index.xhtml").inSection("/index.xhtml"));
    assertFalse(entry("/index.xhtml").inSection("/messages/inbox.xhtml"));
  }

  @Test
  void entriesNameTheRolesThatSeeThem() {
    assertTrue(entry("/messages/inbox.xhtml").getRoles().contains("patient"));
    assertTrue(
        entry("/messages/queue.xhtml")
            .getRoles()
            .containsAll(java.util.List.of("clinician", "staff")));
    assertTrue(entry("/account/account.xhtml").getRoles().isEmpty());
  }

  @Test
  void theReportsAreTheAuditorsOwnSectionBesideTheLog() {
    assertTrue(entry("/audit/reports.xhtml").getRoles().equals(java.util.List.of("auditor")));
    assertTrue(entry("/audit/reports.xhtml").inSection("/audit/reports.xhtml"));
    assertFalse(entry("/audit/log.xhtml").inSection("/audit/reports.xhtml"));
  }
}

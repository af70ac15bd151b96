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

  private static MenuView menuOf(String username, String... roles) {
    SessionUser user = new SessionUser();
    user.signedIn(
        new org.patientportal.identity.entity.PortalUser(
            username, username, username + "@portal.test", java.time.Instant.EPOCH),
        java.util.List.of(roles),
        java.time.Instant.EPOCH);
    MenuView menu = new MenuView();
    menu.user = user;
    menu.acting = new ActingFor();
    menu.acting.user = user;
    return menu;
  }

  private static java.util.List<String> outcomes(MenuView menu) {
    return menu.getEntries().stream().map(MenuView.Entry::getOutcome).toList();
  }

  @Test
  void aCaregiverWhoChoseNobodySeesTheChoiceAndNoPatientPages() {
    java.util.List<String> shown = outcomes(menuOf("chris.jones", "proxy"));
    assertTrue(shown.contains(ActingFor.PICKER), shown.toString());
    assertFalse(shown.contains("/messages/inbox.xhtml"), shown.toString());
    assertFalse(shown.contains("/requests/list.xhtml"), shown.toString());
  }

  @Test
  void aCaregiverSeesOnlyWhatTheGrantCovers() {
    MenuView menu = menuOf("chris.jones", "proxy");
    java.time.Instant now = java.time.Instant.now();
    menu.acting.choose(
        new org.patientportal.care.entity.ProxyGrant(
            1L,
            "sam.rivera",
            "chris.jones",
            java.util.EnumSet.of(org.patientportal.care.entity.ProxyScope.MESSAGING),
            now.plusSeconds(3600),
            "sam.rivera",
            now,
            null),
        "Sam Rivera");
    java.util.List<String> shown = outcomes(menu);
    assertTrue(shown.contains("/messages/inbox.xhtml"), shown.toString());
    assertFalse(shown.contains("/requests/list.xhtml"), shown.toString());
    assertTrue(shown.contains(ActingFor.PICKER), shown.toString());
  }

  @Test
  void aPatientSeesTheirCaregiverAccessAndNoChoiceOfPatient() {
    java.util.List<String> shown = outcomes(menuOf("sam.rivera", "patient"));
    assertTrue(shown.contains("/account/proxies.xhtml"), shown.toString());
    assertTrue(shown.contains("/messages/inbox.xhtml"), shown.toString());
    assertTrue(shown.contains("/requests/list.xhtml"), shown.toString());
    assertFalse(shown.contains(ActingFor.PICKER), shown.toString());
    assertFalse(shown.contains("/care/proxies.xhtml"), shown.toString());
  }

  @Test
  void staffSetUpCaregiverAccessForTheirPatients() {
    java.util.List<String> shown = outcomes(menuOf("nurse.lee", "staff"));
    assertTrue(shown.contains("/care/proxies.xhtml"), shown.toString());
    assertFalse(shown.contains("/account/proxies.xhtml"), shown.toString());
  }
}

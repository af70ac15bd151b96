package org.patientportal.web.layout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.patientportal.identity.entity.Roles;

/** The main menu: the entries the signed-in user's roles open. */
@Named
@RequestScoped
public class MenuView {

  /**
   * One menu entry: the message key of its label, the view it opens, and who sees it (null: every
   * signed-in user). A class with getters, not a record: Jakarta EL 5 does not read record
   * accessors.
   */
  public static final class Entry {
    private final String labelKey;
    private final String outcome;
    private final String role;

    Entry(String labelKey, String outcome, String role) {
      this.labelKey = labelKey;
      this.outcome = outcome;
      this.role = role;
    }

    public String getLabelKey() {
      return labelKey;
    }

    public String getOutcome() {
      return outcome;
    }

    public String getRole() {
      return role;
    }
  }

  static final List<Entry> ENTRIES =
      List.of(
          new Entry("menu.home", "/index.xhtml", null),
          new Entry("menu.account", "/account/account.xhtml", null),
          new Entry("menu.auditLog", "/audit/log.xhtml", Roles.AUDITOR));

  @Inject SessionUser user;

  public List<Entry> getEntries() {
    return ENTRIES.stream().filter(e -> e.role == null || user.hasRole(e.role)).toList();
  }
}

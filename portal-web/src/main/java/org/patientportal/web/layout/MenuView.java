package org.patientportal.web.layout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.identity.entity.Roles;

/**
 * The main menu: the entries the signed-in user's roles open; for a caregiver, those the grant of
 * the patient they act for covers ({@link ActingFor}).
 */
@Named
@RequestScoped
public class MenuView {

  /**
   * One menu entry: the message key of its label, the view it opens, the roles that see it (none:
   * every signed-in user) and, for a caregiver, the scope a grant must cover (none: shown whatever
   * the grant). A class with getters, not a record: Jakarta EL 5 does not read record accessors.
   */
  public static final class Entry {
    private final String labelKey;
    private final String outcome;
    private final ProxyScope scope;
    private final List<String> roles;

    Entry(String labelKey, String outcome, String... roles) {
      this(labelKey, outcome, null, roles);
    }

    Entry(String labelKey, String outcome, ProxyScope scope, String... roles) {
      this.labelKey = labelKey;
      this.outcome = outcome;
      this.scope = scope;
      this.roles = List.of(roles);
    }

    public String getLabelKey() {
      return labelKey;
    }

    public String getOutcome() {
      return outcome;
    }

    public List<String> getRoles() {
      return roles;
    }

    /** The scope a caregiver's grant must cover for the entry to show; null: none. */
    public ProxyScope getScope() {
      return scope;
    }

    /**
     * Whether {@code viewId} is this entry's view, or another view in its folder that no entry of
     * its own names.
     */
    public boolean inSection(String viewId) {
      if (outcome.equals(viewId)) {
        return true;
      }
      if (ENTRIES.stream().anyMatch(e -> e.outcome.equals(viewId))) {
        return false;
      }
      int folder = outcome.lastIndexOf('/');
      return folder > 0 && viewId != null && viewId.startsWith(outcome.substring(0, folder + 1));
    }

    boolean isFor(SessionUser user, ActingFor acting) {
      boolean role = roles.isEmpty() || roles.stream().anyMatch(user::hasRole);
      if (outcome.equals(ActingFor.PICKER)) {
        // only a caregiver who is nothing else acts for someone
        return role && acting.isCaregiver();
      }
      return role && (scope == null || !acting.isCaregiver() || acting.covers(scope));
    }
  }

  static final List<Entry> ENTRIES =
      List.of(
          new Entry("menu.home", "/index.xhtml"),
          new Entry("menu.actingFor", ActingFor.PICKER, Roles.PROXY),
          new Entry(
              "menu.messages",
              "/messages/inbox.xhtml",
              ProxyScope.MESSAGING,
              Roles.PATIENT,
              Roles.PROXY),
          new Entry("menu.queue", "/messages/queue.xhtml", Roles.CLINICIAN, Roles.STAFF),
          new Entry(
              "menu.requests",
              "/requests/list.xhtml",
              ProxyScope.REQUESTS,
              Roles.PATIENT,
              Roles.PROXY,
              Roles.CLINICIAN,
              Roles.STAFF),
          new Entry("menu.account", "/account/account.xhtml"),
          new Entry("menu.accessLog", "/account/access-log.xhtml", Roles.PATIENT),
          new Entry("menu.consents", "/account/consents.xhtml", Roles.PATIENT),
          new Entry("menu.proxies", "/account/proxies.xhtml", Roles.PATIENT),
          new Entry("menu.away", "/account/away.xhtml", Roles.CLINICIAN),
          new Entry("menu.templates", "/account/templates.xhtml", Roles.CLINICIAN, Roles.STAFF),
          new Entry("menu.register", "/care/register.xhtml", Roles.STAFF),
          new Entry("menu.careProxies", "/care/proxies.xhtml", Roles.STAFF),
          new Entry("menu.auditLog", "/audit/log.xhtml", Roles.AUDITOR),
          new Entry("menu.integrity", "/audit/integrity.xhtml", Roles.AUDITOR),
          new Entry("menu.auditReports", "/audit/reports.xhtml", Roles.AUDITOR),
          new Entry("menu.keys", "/admin/keys.xhtml", Roles.ADMIN),
          new Entry("menu.teams", "/admin/teams.xhtml", Roles.ADMIN));

  @Inject SessionUser user;
  @Inject ActingFor acting;

  public List<Entry> getEntries() {
    return ENTRIES.stream().filter(e -> e.isFor(user, acting)).toList();
  }
}

package org.patientportal.web.care;

import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patientportal.care.entity.ProxyGrant;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.identity.boundary.People;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.web.layout.Notices;
import org.patientportal.web.messaging.FieldErrors;

/**
 * What the patient's and the staff's proxy pages share: a patient's grants with the names of those
 * they name, a form for a new grant (caregiver, scopes, last day), and revoking one after a
 * confirmation. The subclass says whose grants and asks its boundary; the boundary checks every
 * field and who may do what, and its refusals are shown next to the field they are about.
 */
public abstract class GrantsForm implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "grant";
  static final Set<String> FIELDS = Set.of("proxy", "scopes", "expiresAt", "reason");

  @Inject People people;

  // who may act for whom: read again rather than serialised with the session
  private transient List<ProxyGrant> grants;
  private transient Map<String, String> names;

  private String proxy;
  private List<String> scopes = new ArrayList<>();
  private String expiresAt;
  private Long confirming;

  /** The grants listed: the patient's, newest first. */
  protected abstract List<ProxyGrant> load();

  /** Asks the boundary for a new grant. */
  protected abstract void create(String proxy, Set<ProxyScope> scopes, Instant expiresAt);

  /** Asks the boundary to end a grant. */
  protected abstract void end(long id);

  public List<ProxyGrant> getGrants() {
    if (grants == null) {
      grants = load();
      Set<String> named = new HashSet<>();
      for (ProxyGrant g : grants) {
        named.add(g.getPatient());
        named.add(g.getProxy());
        named.add(g.getCreatedBy());
        if (g.getRevokedBy() != null) {
          named.add(g.getRevokedBy());
        }
      }
      names = new HashMap<>(people.displayNames(named));
    }
    return grants;
  }

  /** Forgets the list (it is read again when next shown). */
  protected void reload() {
    grants = null;
    names = null;
  }

  /** The display name of someone a listed grant names, or of the patient whose grants they are. */
  public String name(String username) {
    if (username == null) {
      return "";
    }
    getGrants();
    return names.computeIfAbsent(username, u -> people.displayNames(Set.of(u)).getOrDefault(u, u));
  }

  /** Whether a grant acts now (neither revoked nor expired), as the page shows it. */
  public boolean active(ProxyGrant grant) {
    return grant.activeAt(Instant.now());
  }

  /** Every scope, for the form's checkboxes. */
  public List<ProxyScope> getScopeChoices() {
    return List.of(ProxyScope.values());
  }

  /** Records the new grant; a refusal is shown next to its field and the form keeps its values. */
  public void grant() {
    try {
      create(proxy, ProxiesResource.scopes(scopes), ProxiesResource.expiry(expiresAt));
    } catch (DomainException e) {
      FieldErrors.show(FORM, FIELDS, e);
      return;
    }
    reload();
    cleared();
    Notices.info("proxies.granted");
  }

  /** Empties the form after a grant was recorded. */
  protected void cleared() {
    proxy = null;
    scopes = new ArrayList<>();
    expiresAt = null;
  }

  /** The first step of revoking: the page asks to confirm. */
  public void askRevoke(long id) {
    confirming = id;
  }

  /** Keeps the grant. */
  public void cancelRevoke() {
    confirming = null;
  }

  /** Ends the grant being confirmed. */
  public void revoke() {
    if (confirming == null) {
      return;
    }
    long id = confirming;
    confirming = null;
    try {
      end(id);
    } catch (DomainException e) {
      FieldErrors.show("grants", Set.of(), e);
      reload();
      return;
    }
    reload();
    Notices.info("proxies.revoked");
  }

  /** The grant whose revocation awaits confirmation; null when none does. */
  public ProxyGrant getConfirming() {
    if (confirming == null) {
      return null;
    }
    return getGrants().stream().filter(g -> g.getId().equals(confirming)).findFirst().orElse(null);
  }

  public String getProxy() {
    return proxy;
  }

  public void setProxy(String proxy) {
    this.proxy = proxy;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
  }

  public String getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(String expiresAt) {
    this.expiresAt = expiresAt;
  }
}

package org.patientportal.web.layout;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.patientportal.care.entity.ProxyGrant;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.identity.entity.Roles;
import org.patientportal.proxy.boundary.ProxyGrants;

/**
 * The patient a caregiver acts for in this browser session, chosen on {@code
 * account/acting-for.xhtml}: the header names them, the menu offers what the grant's scopes allow,
 * and the messaging and request pages pass them to the boundaries, which decide again on every
 * call. Only a caregiver who is nothing else (no patient, clinician or staff role) acts for
 * someone: the others use the portal as themselves. The grant is asked again on each page that
 * needs it ({@link #require}): one that ended (expired, revoked) sends the caregiver back to the
 * choice, with a notice saying why.
 */
@Named
@SessionScoped
public class ActingFor implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The page where a caregiver chooses whom they act for. */
  public static final String PICKER = "/account/acting-for.xhtml";

  @Inject SessionUser user;
  @EJB ProxyGrants grants;

  private String patient;
  private String patientName;
  private Set<ProxyScope> scopes = EnumSet.noneOf(ProxyScope.class);

  /** Whether the signed-in user is a caregiver and nothing else (the one who acts for others). */
  public boolean isCaregiver() {
    return user.hasRole(Roles.PROXY)
        && !user.hasRole(Roles.PATIENT)
        && !user.hasRole(Roles.CLINICIAN)
        && !user.hasRole(Roles.STAFF);
  }

  /** Whether a caregiver has chosen whom they act for. */
  public boolean isActive() {
    return isCaregiver() && patient != null;
  }

  /** The username of the patient acted for; null when nobody is (the caller acts as themselves). */
  public String getPatient() {
    return isActive() ? patient : null;
  }

  public String getPatientName() {
    return isActive() ? patientName : null;
  }

  /** Whether the grant, as last asked, covers {@code scope} (a {@link ProxyScope} name). */
  public boolean allows(String scope) {
    return covers(ProxyScope.valueOf(scope));
  }

  /** Whether the grant, as last asked, covers {@code scope}. */
  public boolean covers(ProxyScope scope) {
    return isActive() && scopes.contains(scope);
  }

  /** The caregiver acts for {@code patient} from now on, under {@code grant}. */
  public void choose(ProxyGrant grant, String name) {
    this.patient = grant.getPatient();
    this.patientName = name == null ? grant.getPatient() : name;
    this.scopes = EnumSet.copyOf(grant.getScopes());
  }

  /** Forgets the choice. */
  public void clear() {
    patient = null;
    patientName = null;
    scopes = EnumSet.noneOf(ProxyScope.class);
  }

  /**
   * The view action of a page a caregiver uses for the patient they act for: nothing for anyone
   * else; for a caregiver who has not chosen, the way to the choice; for one whose grant ended or
   * no longer covers {@code scope}, the choice again with a notice. The grant's scopes are taken
   * anew.
   */
  public String require(String scope) {
    if (!isCaregiver()) {
      return null;
    }
    if (patient == null) {
      return toPicker("actingFor.choose", null);
    }
    Optional<ProxyGrant> grant =
        grants.actingFor().stream().filter(g -> g.getPatient().equals(patient)).findFirst();
    if (grant.isEmpty() || !grant.get().getScopes().contains(ProxyScope.valueOf(scope))) {
      return ended();
    }
    scopes = EnumSet.copyOf(grant.get().getScopes());
    return null;
  }

  /**
   * The grant ended while the caregiver used it (the boundary refused, as not found): forgets the
   * choice and answers the way back to the choice, with a notice that names the patient.
   */
  public String ended() {
    String name = patientName;
    clear();
    return toPicker(name == null ? "actingFor.gone" : "actingFor.ended", name);
  }

  private static String toPicker(String key, String name) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String text = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    if (name != null) {
      text = MessageFormat.format(text, name);
    }
    faces.getExternalContext().getFlash().setKeepMessages(true);
    faces.addMessage(
        null,
        new FacesMessage(
            key.equals("actingFor.choose")
                ? FacesMessage.SEVERITY_INFO
                : FacesMessage.SEVERITY_ERROR,
            text,
            null));
    return PICKER + "?faces-redirect=true";
  }
}

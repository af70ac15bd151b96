package org.patientportal.web.care;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.patientportal.care.entity.ProxyGrant;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.proxy.boundary.ProxyGrants;
import org.patientportal.shared.entity.NotFoundException;

/**
 * {@code care/proxies.xhtml}: staff pick a patient of their pools (by username, the {@code patient}
 * parameter), see the patient's grants, set one up for them with the reason it is needed (a minor,
 * a patient who cannot), and revoke one. A patient not of the staff member's pools is refused by
 * the boundary as not found (and audited there); the page says so next to the patient's field.
 */
@Named
@ViewScoped
public class CareProxiesView extends GrantsForm {

  private static final long serialVersionUID = 1L;
  static final String PATIENT_FORM = "patient";

  @EJB ProxyGrants proxies;

  private String patient;
  private String shown;
  private String reason;

  /** The view action: shows the grants of the patient the parameter names, if any. */
  public void open() {
    if (patient != null && !patient.isBlank()) {
      show();
    }
  }

  /** Shows the grants of the patient typed in. */
  public void show() {
    String asked = patient == null ? "" : patient.strip();
    shown = null;
    reload();
    if (asked.isEmpty()) {
      patientError("careProxies.patient.required");
      return;
    }
    try {
      proxies.ofPatientForStaff(asked);
    } catch (NotFoundException e) {
      patientError("careProxies.patient.unknown");
      return;
    }
    shown = asked;
  }

  private static void patientError(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String id = PATIENT_FORM + ":username";
    if (faces.getViewRoot().findComponent(id) instanceof UIInput input) {
      input.setValid(false);
    }
    String text = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    faces.addMessage(id, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    faces.validationFailed();
  }

  /** The patient whose grants are shown; null before one is chosen. */
  public String getShown() {
    return shown;
  }

  @Override
  protected List<ProxyGrant> load() {
    return shown == null ? List.of() : proxies.ofPatientForStaff(shown);
  }

  @Override
  protected void create(String proxy, Set<ProxyScope> scopes, Instant expiresAt) {
    proxies.grantForPatient(shown, proxy, scopes, expiresAt, reason);
  }

  @Override
  protected void cleared() {
    super.cleared();
    reason = null;
  }

  @Override
  protected void end(long id) {
    proxies.revokeForPatient(shown, id);
  }

  public String getPatient() {
    return patient;
  }

  public void setPatient(String patient) {
    this.patient = patient;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}

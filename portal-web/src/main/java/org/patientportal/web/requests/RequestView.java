package org.patientportal.web.requests;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.identity.entity.Roles;
import org.patientportal.requests.boundary.Requests;
import org.patientportal.requests.entity.NewRequest;
import org.patientportal.requests.entity.RequestFiled;
import org.patientportal.requests.entity.RequestType;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.shared.entity.NotFoundException;
import org.patientportal.web.layout.ActingFor;
import org.patientportal.web.layout.SessionUser;
import org.patientportal.web.messaging.FieldErrors;

/**
 * {@code requests/new.xhtml}: the form of one type of request ({@code ?type=}), or the choice of a
 * type. A patient files for themselves; a clinician or staff member names the patient. What the
 * boundary refuses is shown next to the field it is about, and nothing is filed.
 */
@Named
@ViewScoped
public class RequestView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "request";
  static final Set<String> FIELDS =
      Set.of(
          "patient",
          "team",
          "preferredDays",
          "preferredTimes",
          "reason",
          "location",
          "medication",
          "dose",
          "pharmacy",
          "specialty",
          "insurer");

  @EJB Requests requests;
  @Inject SessionUser user;
  @Inject ActingFor acting;

  private transient List<CarePool> teams;

  private String type;
  private String patient;
  private String team;
  private String preferredDays;
  private String preferredTimes;
  private String reason;
  private String location;
  private String medication;
  private String dose;
  private String pharmacy;
  private String specialty;
  private String insurer;

  /** The type the page shows the form of; null: the page offers the choice. */
  public RequestType getRequestType() {
    if (type == null) {
      return null;
    }
    for (RequestType t : RequestType.values()) {
      if (t.name().equals(type)) {
        return t;
      }
    }
    return null;
  }

  /** Whether the caller files for a patient of their team (and names them). */
  public boolean isOnBehalf() {
    return !user.hasRole(Roles.PATIENT)
        && (user.hasRole(Roles.CLINICIAN) || user.hasRole(Roles.STAFF));
  }

  /** The calling patient's care teams (a choice is offered when there are several). */
  public List<CarePool> getTeams() {
    if (teams == null) {
      teams = requests.teams();
    }
    return teams;
  }

  public boolean shows(String field) {
    RequestType t = getRequestType();
    return t != null && t.fields().contains(field);
  }

  /** Files the request and opens its thread. */
  public String file() {
    RequestType t = getRequestType();
    if (t == null) {
      return null;
    }
    RequestFiled filed;
    try {
      filed =
          requests.file(
              new NewRequest(
                  t,
                  isOnBehalf() ? patient : acting.getPatient(),
                  team,
                  preferredDays,
                  preferredTimes,
                  reason,
                  location,
                  medication,
                  dose,
                  pharmacy,
                  specialty,
                  insurer));
    } catch (NotFoundException e) {
      if (acting.isActive()) {
        // the grant ended while the caregiver wrote: back to the choice, saying so
        return acting.ended();
      }
      FieldErrors.show(FORM, FIELDS, e);
      return null;
    } catch (DomainException e) {
      FieldErrors.show(FORM, FIELDS, e);
      return null;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    String sent = faces.getApplication().getResourceBundle(faces, "msg").getString("request.sent");
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, sent, null));
    if (acting.isActive() && !acting.covers(ProxyScope.MESSAGING)) {
      // a caregiver whose grant does not cover messages sees the request in the list
      return "/requests/list.xhtml?faces-redirect=true";
    }
    return "/messages/thread.xhtml?faces-redirect=true&id=" + filed.threadId();
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getPatient() {
    return patient;
  }

  public void setPatient(String patient) {
    this.patient = patient;
  }

  public String getTeam() {
    return team;
  }

  public void setTeam(String team) {
    this.team = team;
  }

  public String getPreferredDays() {
    return preferredDays;
  }

  public void setPreferredDays(String preferredDays) {
    this.preferredDays = preferredDays;
  }

  public String getPreferredTimes() {
    return preferredTimes;
  }

  public void setPreferredTimes(String preferredTimes) {
    this.preferredTimes = preferredTimes;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getMedication() {
    return medication;
  }

  public void setMedication(String medication) {
    this.medication = medication;
  }

  public String getDose() {
    return dose;
  }

  public void setDose(String dose) {
    this.dose = dose;
  }

  public String getPharmacy() {
    return pharmacy;
  }

  public void setPharmacy(String pharmacy) {
    this.pharmacy = pharmacy;
  }

  public String getSpecialty() {
    return specialty;
  }

  public void setSpecialty(String specialty) {
    this.specialty = specialty;
  }

  public String getInsurer() {
    return insurer;
  }

  public void setInsurer(String insurer) {
    this.insurer = insurer;
  }
}

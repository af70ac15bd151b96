package org.patientportal.web.enrollment;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.patientportal.enrollment.boundary.Enrollments;
import org.patientportal.enrollment.entity.Delivery;
import org.patientportal.enrollment.entity.EnrollmentKind;
import org.patientportal.enrollment.entity.IssuedCode;
import org.patientportal.enrollment.entity.Registration;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.web.messaging.FieldErrors;

/**
 * {@code care/register.xhtml}: a staff member registers a patient (or invites a caregiver) and gets
 * the activation code on a printable letter. The code lives only in this view (it is never stored
 * in clear) and is gone once the staff member leaves the page.
 */
@Named
@ViewScoped
public class RegisterView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> FIELDS =
      Set.of("firstName", "lastName", "birthDate", "email", "mrn");

  @EJB Enrollments enrollments;

  private EnrollmentKind kind = EnrollmentKind.PATIENT;
  private String firstName;
  private String lastName;
  private String birthDate;
  private String email;
  private String mrn;

  private String code;
  private Instant expiresAt;
  private String issuedName;
  private String issuedEmail;

  public void issue() {
    try {
      IssuedCode issued =
          enrollments.issue(
              new Registration(
                  kind,
                  firstName,
                  lastName,
                  EnrollmentResource.day(birthDate),
                  email,
                  kind == EnrollmentKind.PATIENT ? mrn : null,
                  Delivery.PRINT));
      code = issued.code();
      expiresAt = issued.expiresAt();
      issuedName = issued.registration().getFirstName() + " " + issued.registration().getLastName();
      issuedEmail = issued.registration().getEmail();
      firstName = null;
      lastName = null;
      birthDate = null;
      email = null;
      mrn = null;
    } catch (DomainException e) {
      FieldErrors.show("register", FIELDS, e);
    }
  }

  public List<EnrollmentKind> getKinds() {
    return List.of(EnrollmentKind.values());
  }

  public EnrollmentKind getKind() {
    return kind;
  }

  public void setKind(EnrollmentKind kind) {
    this.kind = kind == null ? EnrollmentKind.PATIENT : kind;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(String birthDate) {
    this.birthDate = birthDate;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getMrn() {
    return mrn;
  }

  public void setMrn(String mrn) {
    this.mrn = mrn;
  }

  public String getCode() {
    return code;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public String getIssuedName() {
    return issuedName;
  }

  public String getIssuedEmail() {
    return issuedEmail;
  }
}

package org.patientportal.enrollment.entity;

import org.patientportal.identity.entity.Roles;

/** Whom a code enrolls: a patient, or a caregiver (who acts for patients as a proxy). */
public enum EnrollmentKind {
  PATIENT(Roles.PATIENT),
  PROXY(Roles.PROXY);

  private final String role;

  EnrollmentKind(String role) {
    this.role = role;
  }

  /** The realm role the new account gets. */
  public String role() {
    return role;
  }
}

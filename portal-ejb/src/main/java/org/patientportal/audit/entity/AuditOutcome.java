package org.patientportal.audit.entity;

/** Whether the recorded action was carried out. */
public enum AuditOutcome {
  SUCCESS,
  DENIED,
  FAILED
}

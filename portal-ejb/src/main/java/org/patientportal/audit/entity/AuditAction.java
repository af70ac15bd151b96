package org.patientportal.audit.entity;

/** What an audit entry records. */
public enum AuditAction {
  /** A person signed in to the portal (the portal's side of a Keycloak login). */
  SIGN_IN,
  /** A request was refused for lack of authority. */
  ACCESS_DENIED,
  /** An auditor searched the audit log. */
  AUDIT_SEARCH
}

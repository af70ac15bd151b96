package org.patientportal.care.entity;

/** What a member does in a pool. */
public enum PoolRole {
  /** A clinician: patients may write to them by name, and they work the pool's messages. */
  CLINICIAN,
  /** Staff who process the pool's messages on the clinicians' behalf. */
  STAFF
}

package org.patientportal.messaging.entity;

/** Whether a thread is addressed to one clinician or to a pool. */
public enum RecipientKind {
  USER,
  POOL
}

package org.patientportal.messaging.entity;

/** Where a thread stands in the care team's work queue. */
public enum ThreadStatus {
  /** Waiting for, or being worked by, the care team. */
  OPEN,
  /** The care team marked it done; a new message from the patient opens it again. */
  DONE
}

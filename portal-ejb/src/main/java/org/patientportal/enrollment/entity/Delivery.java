package org.patientportal.enrollment.entity;

/** How the code reaches the person: printed by the staff member, or emailed by the portal. */
public enum Delivery {
  PRINT,
  EMAIL
}

package org.patientportal.care.entity;

/** Why a clinician is away. */
public enum AwayKind {
  VACATION,
  ILLNESS,
  OTHER
}

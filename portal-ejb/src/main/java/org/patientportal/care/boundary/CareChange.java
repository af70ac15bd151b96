package org.patientportal.care.boundary;

import java.util.Objects;

/**
 * A change to care teams or to cover, announced by the care boundaries in the change's own
 * transaction so that the access log records it (the audit feature observes it; care does not
 * depend on audit).
 *
 * @param actor who made the change
 * @param patient the patient it concerns, or null
 * @param kind what changed
 * @param resource what it changed, e.g. {@code team/cardiology/member/dr.smith}
 */
public record CareChange(String actor, String patient, Kind kind, String resource) {

  /** What changed. */
  public enum Kind {
    TEAM_CREATED,
    TEAM_CHANGED,
    TEAM_MEMBER_ADDED,
    TEAM_MEMBER_REMOVED,
    TEAM_PATIENT_ADDED,
    TEAM_PATIENT_REMOVED,
    AWAY_RECORDED,
    AWAY_DELETED
  }

  public CareChange {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resource, "resource");
  }
}

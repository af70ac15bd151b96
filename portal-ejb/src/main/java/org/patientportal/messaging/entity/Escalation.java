package org.patientportal.messaging.entity;

/** How far a patient's waiting message has gone up to the team's lead. */
public enum Escalation {
  /** Nobody has claimed it and half of its time has passed. */
  UNCLAIMED(1),
  /** Its due time has passed. */
  OVERDUE(2);

  private final int level;

  Escalation(int level) {
    this.level = level;
  }

  public int level() {
    return level;
  }

  /** The escalation of a level, or null for 0. */
  public static Escalation ofLevel(int level) {
    for (Escalation e : values()) {
      if (e.level == level) {
        return e;
      }
    }
    return null;
  }
}

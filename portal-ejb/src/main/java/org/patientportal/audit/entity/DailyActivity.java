package org.patientportal.audit.entity;

import java.time.LocalDate;

/**
 * One day of the access log, a UTC calendar day: how many times messages and attachments were
 * opened, and how many requests were refused.
 */
public class DailyActivity {

  private final LocalDate day;
  private final long accesses;
  private final long refused;

  public DailyActivity(LocalDate day, long accesses, long refused) {
    this.day = day;
    this.accesses = accesses;
    this.refused = refused;
  }

  public LocalDate getDay() {
    return day;
  }

  /** Messages opened and attachments downloaded. */
  public long getAccesses() {
    return accesses;
  }

  /** Requests refused (outcome DENIED, which every ACCESS_DENIED entry has). */
  public long getRefused() {
    return refused;
  }
}

package org.patientportal.audit.entity;

import java.time.Instant;

/**
 * A line of a patient's own access report: who (and in what role) opened or tried to open their
 * messages, when, and what.
 */
public class AccessReportLine {

  private final Instant at;
  private final String actor;
  private final String actorName;
  private final String actorRole;
  private final AuditAction action;
  private final String resource;
  private final AuditOutcome outcome;

  public AccessReportLine(AuditEntry entry, String actorName) {
    this.at = entry.getAt();
    this.actor = entry.getActor();
    this.actorName = actorName;
    this.actorRole = entry.getActorRole();
    this.action = entry.getAction();
    this.resource = entry.getResource();
    this.outcome = entry.getOutcome();
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getActorName() {
    return actorName;
  }

  /** The role they acted in; null for accesses recorded before roles were. */
  public String getActorRole() {
    return actorRole;
  }

  public AuditAction getAction() {
    return action;
  }

  public String getResource() {
    return resource;
  }

  public AuditOutcome getOutcome() {
    return outcome;
  }
}

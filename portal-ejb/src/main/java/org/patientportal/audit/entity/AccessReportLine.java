package org.patientportal.audit.entity;

import java.time.Instant;
import java.util.Set;
import org.patientportal.identity.entity.Roles;

/**
 * A line of a patient's own access report: who (and in what role) opened or tried to open their
 * messages, when, and what. A refused attempt by anyone who is not care staff (a clinician or staff
 * member) names no one: another patient's name, say, is not the patient's to know; the line says
 * only that someone outside the care team was refused ({@link #isOutsideCareTeam()}).
 */
public class AccessReportLine {

  /** The roles whose refused attempts are shown by name: the care team's side. */
  static final Set<String> CARE_STAFF = Set.of(Roles.CLINICIAN, Roles.STAFF);

  private final Instant at;
  private final String actor;
  private final String actorName;
  private final String actorRole;
  private final AuditAction action;
  private final String resource;
  private final AuditOutcome outcome;
  private final boolean outsideCareTeam;

  public AccessReportLine(AuditEntry entry, String actorName) {
    this.outsideCareTeam = hidesActor(entry);
    this.at = entry.getAt();
    this.actor = outsideCareTeam ? null : entry.getActor();
    this.actorName = outsideCareTeam ? null : actorName;
    this.actorRole = outsideCareTeam ? null : entry.getActorRole();
    this.action = entry.getAction();
    this.resource = entry.getResource();
    this.outcome = entry.getOutcome();
  }

  /**
   * Whether {@code entry} is a refused attempt by someone who is not care staff, whose name the
   * patient's report leaves out.
   */
  public static boolean hidesActor(AuditEntry entry) {
    boolean refused =
        entry.getOutcome() != AuditOutcome.SUCCESS
            || entry.getAction() == AuditAction.ACCESS_DENIED;
    return refused && (entry.getActorRole() == null || !CARE_STAFF.contains(entry.getActorRole()));
  }

  /** A refused attempt by someone outside the care team: actor, name and role are then null. */
  public boolean isOutsideCareTeam() {
    return outsideCareTeam;
  }

  public Instant getAt() {
    return at;
  }

  /** Who it was; null when {@link #isOutsideCareTeam()}. */
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

package org.patientportal.audit.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One finding of the unusual-access report: what kind of unusual access, by whom (and, for an
 * access outside the care team, to which patient's messages), and the audit entries behind it in
 * time order.
 */
public class UnusualAccess {

  /** The kinds of unusual access the report looks for. */
  public enum Kind {
    /** Opens of a patient's messages by someone on none of the pools caring for that patient. */
    OUTSIDE_CARE_TEAM,
    /** More opens by one person within a few minutes than the rules allow. */
    BURST,
    /** Opens outside working hours or at a weekend (one finding per person and local day). */
    AFTER_HOURS
  }

  private final Kind kind;
  private final String actor;
  private final String patient;
  private final List<AuditEntry> entries;

  public UnusualAccess(Kind kind, String actor, String patient, List<AuditEntry> entries) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.actor = Objects.requireNonNull(actor, "actor");
    this.patient = patient;
    if (entries == null || entries.isEmpty()) {
      throw new IllegalArgumentException("A finding rests on at least one audit entry");
    }
    this.entries = List.copyOf(entries);
  }

  public Kind getKind() {
    return kind;
  }

  public String getActor() {
    return actor;
  }

  /** The patient whose messages were opened, for a finding about one patient; otherwise null. */
  public String getPatient() {
    return patient;
  }

  /** The audit entries behind the finding, oldest first. */
  public List<AuditEntry> getEntries() {
    return entries;
  }

  public Instant getFirst() {
    return entries.get(0).getAt();
  }

  public Instant getLast() {
    return entries.get(entries.size() - 1).getAt();
  }

  public int getCount() {
    return entries.size();
  }
}

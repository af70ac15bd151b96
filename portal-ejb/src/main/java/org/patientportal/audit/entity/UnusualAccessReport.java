package org.patientportal.audit.entity;

import java.time.Instant;
import java.util.List;

/**
 * The unusual-access report over {@code [from, to)}: the rules it applied and its findings, by kind
 * and then time. {@link #isTruncated()} says that a kind had more entries than one report shows,
 * and that a shorter range would show them all.
 */
public class UnusualAccessReport {

  private final Instant from;
  private final Instant to;
  private final AccessRules rules;
  private final List<UnusualAccess> findings;
  private final boolean truncated;

  public UnusualAccessReport(
      Instant from,
      Instant to,
      AccessRules rules,
      List<UnusualAccess> findings,
      boolean truncated) {
    this.from = from;
    this.to = to;
    this.rules = rules;
    this.findings = List.copyOf(findings);
    this.truncated = truncated;
  }

  public Instant getFrom() {
    return from;
  }

  public Instant getTo() {
    return to;
  }

  public AccessRules getRules() {
    return rules;
  }

  public List<UnusualAccess> getFindings() {
    return findings;
  }

  /** The findings of one kind. */
  public List<UnusualAccess> findings(UnusualAccess.Kind kind) {
    return findings.stream().filter(f -> f.getKind() == kind).toList();
  }

  public boolean isTruncated() {
    return truncated;
  }
}

package org.patientportal.audit.entity;

import java.time.Instant;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * A search of the audit log: every criterion optional, a page of at most {@link #MAX_PAGE_SIZE}
 * entries, newest first.
 */
public record AuditQuery(
    String patient,
    String actor,
    AuditAction action,
    Instant from,
    Instant to,
    int page,
    int pageSize) {

  public static final int MAX_PAGE_SIZE = 500;

  public AuditQuery {
    if (page < 0) {
      throw new InvalidInputException("page", "The page number starts at 0.");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          "size", "A page holds between 1 and " + MAX_PAGE_SIZE + " entries.");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidInputException("from", "The start of the range is after its end.");
    }
    patient = blankToNull(patient);
    actor = blankToNull(actor);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A description of the criteria, for the audit entry the search itself leaves. */
  public String describe() {
    return "patient=%s actor=%s action=%s from=%s to=%s page=%d"
        .formatted(patient, actor, action, from, to, page);
  }
}

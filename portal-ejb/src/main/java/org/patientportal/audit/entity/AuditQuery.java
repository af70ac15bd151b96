package org.patientportal.audit.entity;

import java.time.Instant;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * A search of the audit log: every criterion optional, a page of at most {@link #MAX_PAGE_SIZE}
 * entries, newest first. A page is either the {@code page}-th by offset, or (keyset paging, which
 * stays fast however deep one pages through millions of entries) the entries older than the
 * sequence number {@code before}, normally the last one of the previous page.
 */
public record AuditQuery(
    String patient,
    String actor,
    AuditAction action,
    Instant from,
    Instant to,
    int page,
    int pageSize,
    AuditOutcome outcome,
    Long before) {

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
    if (before != null && before < 1) {
      throw new InvalidInputException(
          "before", "Page on with the sequence number of the last entry seen (1 or more).");
    }
    if (before != null && page > 0) {
      throw new InvalidInputException(
          "page", "Page either by number or from a sequence number (before), not both.");
    }
    patient = blankToNull(patient);
    actor = blankToNull(actor);
  }

  /** A search by the first criteria, of any outcome, by page number. */
  public AuditQuery(
      String patient,
      String actor,
      AuditAction action,
      Instant from,
      Instant to,
      int page,
      int size) {
    this(patient, actor, action, from, to, page, size, null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A description of the criteria, for the audit entry the search itself leaves. */
  public String describe() {
    return "patient=%s actor=%s action=%s outcome=%s from=%s to=%s %s"
        .formatted(
            patient,
            actor,
            action,
            outcome,
            from,
            to,
            before == null ? "page=" + page : "before=" + before);
  }
}

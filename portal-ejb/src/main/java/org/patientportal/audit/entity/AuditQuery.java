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

  /** The earliest time a search may name: before the portal, but a time databases hold. */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  /** The latest time a search may name. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  public AuditQuery {
    checkPage(page, pageSize);
    checkTime("from", from);
    checkTime("to", to);
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

  /**
   * Checks a page by number: from 0, of 1 to {@link #MAX_PAGE_SIZE} entries, and not so deep that
   * its offset (page × size) leaves the range a database counts rows in.
   */
  public static void checkPage(int page, int pageSize) {
    if (page < 0) {
      throw new InvalidInputException("page", "The page number starts at 0.");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          "size", "A page holds between 1 and " + MAX_PAGE_SIZE + " entries.");
    }
    if ((long) page * pageSize > Integer.MAX_VALUE) {
      throw new InvalidInputException(
          "page",
          "That page is beyond the end of any log; page on from the last entry seen (before).");
    }
  }

  /** Checks that a time of a search lies between {@link #EARLIEST} and {@link #LATEST}. */
  public static void checkTime(String field, Instant time) {
    if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
      throw new InvalidInputException(field, "Choose a time between the years 1900 and 9999.");
    }
  }

  /** Checks that a day of a report lies within the years 1900 to 9999. */
  public static void checkDay(String field, java.time.LocalDate day) {
    if (day != null && (day.getYear() < 1900 || day.getYear() > 9999)) {
      throw new InvalidInputException(field, "Choose a day between the years 1900 and 9999.");
    }
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

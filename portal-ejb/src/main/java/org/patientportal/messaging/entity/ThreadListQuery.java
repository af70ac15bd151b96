package org.patientportal.messaging.entity;

import java.time.Instant;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * A page of the caller's threads (a patient's own, a clinician's or staff member's work queue):
 * every criterion optional, ordered by last activity and id (newest first unless {@code
 * oldestFirst}), at most {@link #MAX_SIZE} threads, starting after {@code before} (keyset paging,
 * as fast on the thousandth page as on the first; nothing counts the list).
 *
 * @param category only threads of this category
 * @param unreadOnly only threads with a message the caller has not read
 * @param status only open or only done threads; null for both
 * @param from only threads last active at or after this instant
 * @param to only threads last active before this instant
 * @param patient only this patient's threads (for the care team; a patient sees only their own)
 * @param search words of the subject, all of which must be in it (see the subject index)
 * @param oldestFirst the longest wait first instead of the latest activity
 * @param before the cursor the previous page ended with; null for the first page
 * @param size how many threads a page holds
 * @param box the reader's inbox (default), the threads they sent in, or those they archived
 * @param requestCategory only requests (threads that are a request) of this category: the category
 *     of a request type (APPOINTMENT, PRESCRIPTION or REFERRAL)
 * @param requestStatus only requests in this status
 */
public record ThreadListQuery(
    Category category,
    boolean unreadOnly,
    ThreadStatus status,
    Instant from,
    Instant to,
    String patient,
    String search,
    boolean oldestFirst,
    ThreadCursor before,
    int size,
    Box box,
    Category requestCategory,
    RequestStatus requestStatus)
    implements java.io.Serializable {

  /** The categories a request may have (one per request type). */
  public static final java.util.Set<Category> REQUEST_CATEGORIES =
      java.util.EnumSet.of(Category.APPOINTMENT, Category.PRESCRIPTION, Category.REFERRAL);

  public static final int DEFAULT_SIZE = 25;
  public static final int MAX_SIZE = 100;

  /** The earliest time a list may name: before the portal, but a time databases hold. */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  /** The latest time a list may name. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  public ThreadListQuery {
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInputException(
          "size", "{messaging.list.size.invalid}", java.util.Map.of("max", MAX_SIZE));
    }
    checkTime("from", from);
    checkTime("to", to);
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidInputException("from", "{messaging.list.range.invalid}");
    }
    patient = blankToNull(patient);
    search = blankToNull(search);
    box = box == null ? Box.INBOX : box;
    if (requestCategory != null && !REQUEST_CATEGORIES.contains(requestCategory)) {
      throw new InvalidInputException("requestType", "{messaging.list.requestType.invalid}");
    }
  }

  /** A list of the reader's threads in {@code box}, requests or not. */
  public ThreadListQuery(
      Category category,
      boolean unreadOnly,
      ThreadStatus status,
      Instant from,
      Instant to,
      String patient,
      String search,
      boolean oldestFirst,
      ThreadCursor before,
      int size,
      Box box) {
    this(
        category,
        unreadOnly,
        status,
        from,
        to,
        patient,
        search,
        oldestFirst,
        before,
        size,
        box,
        null,
        null);
  }

  /** Whether only threads that are requests are listed. */
  public boolean requestsOnly() {
    return requestCategory != null || requestStatus != null;
  }

  /** A list of the reader's inbox. */
  public ThreadListQuery(
      Category category,
      boolean unreadOnly,
      ThreadStatus status,
      Instant from,
      Instant to,
      String patient,
      String search,
      boolean oldestFirst,
      ThreadCursor before,
      int size) {
    this(
        category,
        unreadOnly,
        status,
        from,
        to,
        patient,
        search,
        oldestFirst,
        before,
        size,
        (Box) null);
  }

  /** Every visible thread, newest first, in pages of {@code size}. */
  public static ThreadListQuery all(int size) {
    return new ThreadListQuery(null, false, null, null, null, null, null, false, null, size);
  }

  /** The same list from {@code cursor} on. */
  public ThreadListQuery after(ThreadCursor cursor) {
    return new ThreadListQuery(
        category,
        unreadOnly,
        status,
        from,
        to,
        patient,
        search,
        oldestFirst,
        cursor,
        size,
        box,
        requestCategory,
        requestStatus);
  }

  /** The same list, {@code words} searched for. */
  public ThreadListQuery searching(String words) {
    return new ThreadListQuery(
        category,
        unreadOnly,
        status,
        from,
        to,
        patient,
        words,
        oldestFirst,
        before,
        size,
        box,
        requestCategory,
        requestStatus);
  }

  /** The same list in {@code box}. */
  public ThreadListQuery in(Box box) {
    return new ThreadListQuery(
        category,
        unreadOnly,
        status,
        from,
        to,
        patient,
        search,
        oldestFirst,
        before,
        size,
        box,
        requestCategory,
        requestStatus);
  }

  /**
   * The same list, only requests of {@code requestCategory} (null: any type) in {@code
   * requestStatus} (null: any status); both null: requests or not.
   */
  public ThreadListQuery requests(Category requestCategory, RequestStatus requestStatus) {
    return new ThreadListQuery(
        category,
        unreadOnly,
        status,
        from,
        to,
        patient,
        search,
        oldestFirst,
        before,
        size,
        box,
        requestCategory,
        requestStatus);
  }

  private static void checkTime(String field, Instant instant) {
    if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
      throw new InvalidInputException(field, "{messaging.list.time.invalid}");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

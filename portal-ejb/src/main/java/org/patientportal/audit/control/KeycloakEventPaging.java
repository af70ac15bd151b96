package org.patientportal.audit.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import org.patientportal.audit.entity.KeycloakEvent;

/**
 * Reads every sign-in event from a start time on, page by page, by time rather than by offset: each
 * page starts at the newest time of the page before (inclusive) and asks for as many more events as
 * that page had at that time. So events sharing a millisecond are neither skipped nor read forever,
 * whatever order Keycloak gives them in, and events expiring from Keycloak's store meanwhile shift
 * nothing. Events read twice are the recorder's to recognise (by id).
 */
public final class KeycloakEventPaging {

  /** Keycloak's events from a time on (inclusive; null: the oldest), oldest first, at most max. */
  @FunctionalInterface
  public interface Source {
    List<KeycloakEvent> page(Instant from, int max);
  }

  /**
   * What one reading did.
   *
   * @param read the events read (some more than once)
   * @param recorded what the recorder said it recorded
   * @param more whether it stopped at the page limit with events left
   */
  public record Progress(int read, int recorded, boolean more) {}

  private KeycloakEventPaging() {}

  /**
   * Hands every event from {@code from} on to {@code recorder}, a page at a time, until a page
   * comes back short or {@code maxPages} were read.
   */
  public static Progress readAll(
      Source source,
      Instant from,
      int pageSize,
      int maxPages,
      ToIntFunction<List<KeycloakEvent>> recorder) {
    if (pageSize < 1 || maxPages < 1) {
      throw new IllegalArgumentException("a page size and a page limit of at least 1");
    }
    Instant start = from;
    int ties = 0;
    int read = 0;
    int recorded = 0;
    for (int pages = 0; pages < maxPages; pages++) {
      int max = pageSize + ties;
      List<KeycloakEvent> page = source.page(start, max);
      read += page.size();
      if (!page.isEmpty()) {
        recorded += recorder.applyAsInt(page);
      }
      if (page.size() < max) {
        return new Progress(read, recorded, false);
      }
      Instant newest =
          page.stream().map(KeycloakEvent::time).max(Comparator.naturalOrder()).orElseThrow();
      ties = (int) page.stream().filter(e -> e.time().equals(newest)).count();
      start = newest;
    }
    return new Progress(read, recorded, true);
  }
}

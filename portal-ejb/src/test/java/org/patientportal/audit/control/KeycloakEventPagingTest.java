package org.patientportal.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.patientportal.audit.entity.KeycloakEvent;

/**
 * Paging by time hands every event on at least once, however many share a millisecond and in
 * whatever order Keycloak returns those, and stops. The store below answers as Keycloak's admin API
 * does: events from a time on (inclusive), sorted by time, ties in no particular order.
 */
class KeycloakEventPagingTest {

  /** Keycloak's event store, as the admin API shows it. */
  private record Store(List<KeycloakEvent> events, Random random) {

    List<KeycloakEvent> page(Instant from, int max) {
      List<KeycloakEvent> found = new ArrayList<>();
      for (KeycloakEvent e : events) {
        if (from == null || !e.time().isBefore(from)) {
          found.add(e);
        }
      }
      Collections.shuffle(found, random);
      found.sort((a, b) -> a.time().compareTo(b.time()));
      return found.subList(0, Math.min(max, found.size()));
    }
  }

  private static KeycloakEvent event(int n, long millis) {
    return new KeycloakEvent(
        "e" + n,
        Instant.ofEpochMilli(millis),
        KeycloakEvent.LOGIN,
        "portal-web",
        "u",
        "s",
        "127.0.0.1",
        null,
        "pat.jones");
  }

  @RepeatedTest(50)
  void everyEventIsHandedOnOnceOrMoreAndTheReadingEnds(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    List<KeycloakEvent> events = new ArrayList<>();
    long time = 1_000;
    int count = random.nextInt(400);
    for (int n = 0; n < count; n++) {
      // bursts: a third of the events share their millisecond with the one before, some with many
      time += random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(5);
      events.add(event(n, time));
    }
    Store store = new Store(events, random);
    Set<String> seen = new HashSet<>();
    int pageSize = 1 + random.nextInt(20);

    KeycloakEventPaging.Progress progress =
        KeycloakEventPaging.readAll(
            store::page,
            null,
            pageSize,
            10_000,
            page -> {
              int added = 0;
              for (KeycloakEvent e : page) {
                added += seen.add(e.id()) ? 1 : 0;
              }
              return added;
            });

    assertEquals(count, seen.size(), "every event, page size " + pageSize);
    assertEquals(count, progress.recorded());
    assertFalse(progress.more());
  }

  @Test
  void moreEventsInOneMillisecondThanAPageHoldsAreAllRead() {
    List<KeycloakEvent> events = new ArrayList<>();
    for (int n = 0; n < 250; n++) {
      events.add(event(n, 5_000));
    }
    events.add(event(250, 5_001));
    Set<String> seen = new HashSet<>();
    KeycloakEventPaging.Progress progress =
        KeycloakEventPaging.readAll(
            new Store(events, new Random(7))::page,
            Instant.ofEpochMilli(4_000),
            100,
            100,
            page -> (int) page.stream().filter(e -> seen.add(e.id())).count());
    assertEquals(251, progress.recorded());
  }

  @Test
  void aRunStopsAtItsPageLimitAndSaysThereIsMore() {
    List<KeycloakEvent> events = new ArrayList<>();
    for (int n = 0; n < 50; n++) {
      events.add(event(n, 1_000 + n));
    }
    KeycloakEventPaging.Progress progress =
        KeycloakEventPaging.readAll(
            new Store(events, new Random(1))::page, null, 10, 2, List::size);
    assertTrue(progress.more());
    // the second page starts at the first page's newest event, read again, and asks for one more
    assertEquals(10 + 11, progress.read());
  }

  @Test
  void nothingToReadIsOneShortPage() {
    KeycloakEventPaging.Progress progress =
        KeycloakEventPaging.readAll(
            new Store(List.of(), new Random(1))::page,
            null,
            100,
            5,
            page -> {
              throw new AssertionError("an empty page is not recorded");
            });
    assertEquals(new KeycloakEventPaging.Progress(0, 0, false), progress);
  }
}

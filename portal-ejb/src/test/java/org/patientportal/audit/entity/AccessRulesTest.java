package org.patientportal.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.patientportal.audit.entity.AccessRules.Span;

/**
 * The rules of the unusual-access report: bursts of opens, working hours (with weekends and the
 * changes of daylight-saving time), and the settings they are read from.
 */
class AccessRulesTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Function<String, String> NAMES = n -> "portal.audit." + n;

  private final AccessRules rules =
      new AccessRules(3, Duration.ofMinutes(10), LocalTime.of(7, 0), LocalTime.of(19, 0), NEW_YORK);

  private static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(NEW_YORK).toInstant();
  }

  /** Opens at the given minutes past a base time. */
  private static List<Instant> opensAt(int... minutes) {
    Instant base = Instant.parse("2026-03-02T15:00:00Z");
    return IntStream.of(minutes).mapToObj(m -> base.plusSeconds(60L * m)).toList();
  }

  @Test
  void aBurstIsMoreThanTheAllowedOpensWithinTheWindow() {
    // 3 opens within 10 minutes are allowed; the 4th within 10 minutes of the 1st is a burst
    assertEquals(List.of(), rules.bursts(opensAt(0, 1, 2), Function.identity()));
    assertEquals(List.of(), rules.bursts(opensAt(0, 3, 6, 10), Function.identity()));
    List<Instant> four = opensAt(0, 3, 6, 9);
    assertEquals(List.of(four), rules.bursts(four, Function.identity()));
  }

  @Test
  void overlappingWindowsAreOneBurstAndQuietOpensAreLeftOut() {
    List<Instant> opens = opensAt(0, 30, 31, 32, 33, 34, 60, 90, 91, 92, 93);
    List<List<Instant>> bursts = rules.bursts(opens, Function.identity());
    assertEquals(2, bursts.size(), bursts.toString());
    assertEquals(opens.subList(1, 6), bursts.get(0));
    assertEquals(opens.subList(7, 11), bursts.get(1));
  }

  @Test
  void theWindowIsExclusive() {
    Instant base = Instant.parse("2026-03-02T15:00:00Z");
    List<Instant> exactly =
        List.of(base, base.plusSeconds(1), base.plusSeconds(2), base.plusSeconds(600));
    assertEquals(List.of(), rules.bursts(exactly, Function.identity()));
    List<Instant> justInside =
        List.of(base, base.plusSeconds(1), base.plusSeconds(2), base.plusSeconds(599));
    assertEquals(1, rules.bursts(justInside, Function.identity()).size());
  }

  @Test
  void workingHoursAreWeekdaysInTheZone() {
    assertTrue(rules.isWorkingTime(local("2026-03-02T07:00"))); // a Monday
    assertTrue(rules.isWorkingTime(local("2026-03-02T18:59:59")));
    assertFalse(rules.isWorkingTime(local("2026-03-02T19:00")));
    assertFalse(rules.isWorkingTime(local("2026-03-02T06:59:59")));
    assertFalse(rules.isWorkingTime(local("2026-03-07T12:00"))); // Saturday
    assertFalse(rules.isWorkingTime(local("2026-03-08T12:00"))); // Sunday
    // 12:00 UTC is 07:00 in New York in winter
    assertTrue(rules.isWorkingTime(Instant.parse("2026-03-02T12:00:00Z")));
    assertFalse(rules.isWorkingTime(Instant.parse("2026-03-02T11:59:00Z")));
  }

  @Test
  void afterHoursStretchesCoverNightsAndWholeWeekends() {
    // Friday noon to Tuesday noon, with the change to summer time on Sunday 8 March 2026
    List<Span> outside = rules.afterHours(local("2026-03-06T12:00"), local("2026-03-10T12:00"));
    assertEquals(
        List.of(
            new Span(local("2026-03-06T19:00"), local("2026-03-09T07:00")),
            new Span(local("2026-03-09T19:00"), local("2026-03-10T07:00"))),
        outside);
    // the weekend stretch is 60 hours less the hour lost to summer time
    assertEquals(
        Duration.ofHours(59), Duration.between(outside.get(0).from(), outside.get(0).to()));
  }

  @Test
  void afterHoursAgreeWithWorkingTimeEverywhere() {
    Instant from = local("2026-10-29T05:30");
    Instant to = local("2026-11-04T21:15"); // across the end of summer time
    List<Span> outside = rules.afterHours(from, to);
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(15 * 60)) {
      Instant at = t;
      boolean inStretch =
          outside.stream().anyMatch(s -> !at.isBefore(s.from()) && at.isBefore(s.to()));
      assertEquals(!rules.isWorkingTime(at), inStretch, at.toString());
    }
    assertEquals(from, outside.get(0).from(), "the range starts before working hours");
    assertEquals(to, outside.get(outside.size() - 1).to(), "and ends after them");
  }

  @Test
  void aRangeWithinWorkingHoursHasNoAfterHours() {
    assertEquals(List.of(), rules.afterHours(local("2026-03-02T08:00"), local("2026-03-02T17:00")));
  }

  @Test
  void settingsAreReadWithDefaultsAndBadOnesAreNamed() {
    AccessRules parsed = AccessRules.parse("50", "10", "07:00-19:00", "UTC", NAMES);
    assertEquals(50, parsed.getBurstOpens());
    assertEquals(Duration.ofMinutes(10), parsed.getBurstWindow());
    assertEquals(LocalTime.of(7, 0), parsed.getWorkStart());
    assertEquals(LocalTime.of(19, 0), parsed.getWorkEnd());
    assertEquals(ZoneId.of("UTC"), parsed.getZone());
    assertEquals(
        LocalTime.of(8, 30),
        AccessRules.parse(" 5 ", "1", " 08:30 - 17:00 ", "Europe/Madrid", NAMES).getWorkStart());

    List<String> refused = new ArrayList<>();
    for (String[] bad :
        new String[][] {
          {"0", "10", "07:00-19:00", "UTC"},
          {"many", "10", "07:00-19:00", "UTC"},
          {"50", "-1", "07:00-19:00", "UTC"},
          {"50", "10", "19:00-07:00", "UTC"},
          {"50", "10", "7-19", "UTC"},
          {"50", "10", "07:00-19:00", "Mars/Olympus"}
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> AccessRules.parse(bad[0], bad[1], bad[2], bad[3], NAMES));
      refused.add(e.getMessage().substring(0, e.getMessage().indexOf(' ')));
    }
    assertEquals(
        List.of(
            "portal.audit.burst-opens",
            "portal.audit.burst-opens",
            "portal.audit.burst-minutes",
            "portal.audit.working-hours",
            "portal.audit.working-hours",
            "portal.audit.time-zone"),
        refused);
  }
}

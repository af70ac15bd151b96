package org.patientportal.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patientportal.messaging.entity.Category;

class BusinessCalendarTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  // Thanksgiving 2026 (Thursday 26 November) and Christmas (Friday 25 December) are holidays
  private final BusinessCalendar calendar =
      BusinessCalendar.parse("America/New_York", "08:00-17:00", "2026-11-26, 2026-12-25");

  private static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(NEW_YORK).toInstant();
  }

  @ParameterizedTest(name = "{0} + {1} business days = {2}")
  @CsvSource({
    // in business hours: the same time of day, n business days on
    "2026-11-04T10:00, 2, 2026-11-06T10:00",
    "2026-11-04T10:00, 1, 2026-11-05T10:00",
    // a Friday afternoon: over the weekend
    "2026-11-06T15:30, 1, 2026-11-09T15:30",
    "2026-11-06T15:30, 2, 2026-11-10T15:30",
    // a Friday evening: the clock starts on Monday morning, so two days end on Tuesday at closing
    "2026-11-06T18:45, 2, 2026-11-10T17:00",
    "2026-11-06T18:45, 1, 2026-11-09T17:00",
    // Saturday and Sunday arrivals count from Monday's opening
    "2026-11-07T09:00, 1, 2026-11-09T17:00",
    "2026-11-08T23:59, 2, 2026-11-10T17:00",
    // before opening: from the opening of the same day
    "2026-11-04T06:15, 1, 2026-11-04T17:00",
    // exactly at closing: the next day's opening
    "2026-11-04T17:00, 1, 2026-11-05T17:00",
    // after hours on a weekday
    "2026-11-04T21:00, 2, 2026-11-06T17:00",
    // Thanksgiving is skipped: Wednesday 10:00 + 2 = Friday 10:00 (not Thursday)
    "2026-11-25T10:00, 1, 2026-11-27T10:00",
    "2026-11-25T10:00, 2, 2026-11-30T10:00",
    // Christmas on a Friday: Thursday evening runs to Monday
    "2026-12-24T19:00, 1, 2026-12-28T17:00",
    // zero days: due at the next business moment
    "2026-11-07T09:00, 0, 2026-11-09T08:00",
  })
  void dueTimes(String arrival, int days, String due) {
    assertEquals(local(due), calendar.dueBy(local(arrival), days));
  }

  @Test
  void aDueTimeKeepsItsLocalTimeAcrossTheSpringChange() {
    // Friday 6 March 2026 10:00 EST (15:00Z); clocks go forward on Sunday 8 March
    Instant arrival = Instant.parse("2026-03-06T15:00:00Z");
    Instant due = calendar.dueBy(arrival, 2);
    assertEquals(Instant.parse("2026-03-10T14:00:00Z"), due, "Tuesday 10:00 EDT");
    assertEquals(local("2026-03-10T10:00"), due);
  }

  @Test
  void aDueTimeKeepsItsLocalTimeAcrossTheAutumnChange() {
    // Friday 30 October 2026 16:00 EDT (20:00Z); clocks go back on Sunday 1 November
    Instant arrival = Instant.parse("2026-10-30T20:00:00Z");
    assertEquals(Instant.parse("2026-11-03T21:00:00Z"), calendar.dueBy(arrival, 2));
    assertEquals(local("2026-11-03T16:00"), calendar.dueBy(arrival, 2));
  }

  @Test
  void theHourThatDoesNotExistIsAWeekendHourAndCountsFromMonday() {
    // 02:30 on 8 March 2026 does not exist in New York; the instant 07:30Z is 03:30 EDT, a Sunday
    assertEquals(
        local("2026-03-09T17:00"), calendar.dueBy(Instant.parse("2026-03-08T07:30:00Z"), 1));
  }

  @Test
  void halfwayIsHalfTheBusinessTime() {
    // 2 business days = 18 hours; half is 9 hours: Wednesday 10:00 → Thursday 10:00
    assertEquals(local("2026-11-05T10:00"), calendar.halfway(local("2026-11-04T10:00"), 2));
    // 1 business day = 9 hours; half is 4h30: Friday 15:30 → Monday 11:00
    assertEquals(local("2026-11-09T11:00"), calendar.halfway(local("2026-11-06T15:30"), 1));
    // a Friday evening: from Monday 08:00, half of 2 days is Monday 17:00
    assertEquals(local("2026-11-09T17:00"), calendar.halfway(local("2026-11-06T18:45"), 2));
  }

  /** When the hospital is open (staff process the pool's clinicians' threads then). */
  @ParameterizedTest(name = "{0} in New York: open {1}")
  @CsvSource({
    // a Wednesday: from opening (included) to closing (excluded)
    "2026-11-04T07:59:59, false",
    "2026-11-04T08:00, true",
    "2026-11-04T12:30, true",
    "2026-11-04T16:59:59, true",
    "2026-11-04T17:00, false",
    "2026-11-04T23:30, false",
    // Saturday and Sunday at noon
    "2026-11-07T12:00, false",
    "2026-11-08T12:00, false",
    // Thanksgiving (a holiday) at noon, and the Friday after it
    "2026-11-26T12:00, false",
    "2026-11-27T12:00, true",
  })
  void openInBusinessHoursOfBusinessDaysOnly(String at, boolean open) {
    assertEquals(open, calendar.isOpen(local(at)));
  }

  @Test
  void openingHoursAreTheHospitalsWallClock() {
    // 14:00Z on a Wednesday is 09:00 in New York (open) and 23:00 in Tokyo (closed)
    Instant at = Instant.parse("2026-11-04T14:00:00Z");
    assertTrue(calendar.isOpen(at));
    assertFalse(BusinessCalendar.parse("Asia/Tokyo", "08:00-17:00", "").isOpen(at));
    // the first Monday of summer time: 08:30 EDT is 12:30Z (it would be 13:30Z in winter)
    assertTrue(calendar.isOpen(Instant.parse("2026-03-09T12:30:00Z")));
    assertFalse(calendar.isOpen(Instant.parse("2026-03-09T11:30:00Z")));
  }

  @Test
  void weekendsAndHolidaysAreNoBusinessDays() {
    assertTrue(calendar.isBusinessDay(LocalDate.parse("2026-11-25")));
    assertFalse(calendar.isBusinessDay(LocalDate.parse("2026-11-26")));
    assertFalse(calendar.isBusinessDay(LocalDate.parse("2026-11-28")));
    assertFalse(calendar.isBusinessDay(LocalDate.parse("2026-11-29")));
  }

  @Test
  void anotherTimeZoneMovesTheDueInstant() {
    BusinessCalendar madrid = BusinessCalendar.parse("Europe/Madrid", "09:00-14:00", "");
    // Wednesday 4 November 2026 12:00 in Madrid (11:00Z) + 1 day of 5 hours = Thursday 12:00
    assertEquals(
        Instant.parse("2026-11-05T11:00:00Z"),
        madrid.dueBy(Instant.parse("2026-11-04T11:00:00Z"), 1));
  }

  @Test
  void settingsThatCannotBeReadAreNamed() {
    IllegalArgumentException zone =
        assertThrows(
            IllegalArgumentException.class,
            () -> BusinessCalendar.parse("Mars/Olympus", "08:00-17:00", ""));
    assertTrue(zone.getMessage().contains("Mars/Olympus"));
    assertThrows(
        IllegalArgumentException.class,
        () -> BusinessCalendar.parse("UTC", "17:00-08:00", ""),
        "closing before opening");
    assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.parse("UTC", "8 to 5", ""));
    IllegalArgumentException holiday =
        assertThrows(
            IllegalArgumentException.class,
            () -> BusinessCalendar.parse("UTC", "08:00-17:00", "2026-12-25,Christmas"));
    assertTrue(holiday.getMessage().contains("Christmas"));
  }

  @Test
  void thePolicyGivesEachCategoryItsDays() {
    TurnaroundPolicy defaults = TurnaroundPolicy.of(name -> null);
    assertEquals(2, defaults.days(Category.GENERAL));
    assertEquals(1, defaults.days(Category.PRESCRIPTION));
    assertEquals(NEW_YORK, defaults.calendar().zone());
    assertEquals(
        local("2026-11-06T10:00"),
        defaults.due(Category.GENERAL, local("2026-11-04T10:00")).dueBy());
    assertEquals(
        local("2026-11-05T10:00"),
        defaults.due(Category.GENERAL, local("2026-11-04T10:00")).halfway());

    TurnaroundPolicy configured =
        TurnaroundPolicy.of(
            name ->
                switch (name) {
                  case "portal.turnaround.days" -> "3";
                  case "portal.turnaround.days.test_result" -> "1";
                  case "portal.turnaround.zone" -> "America/Chicago";
                  default -> null;
                });
    assertEquals(3, configured.days(Category.GENERAL));
    assertEquals(1, configured.days(Category.TEST_RESULT));
    assertEquals(1, configured.days(Category.PRESCRIPTION), "its own default stays");
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TurnaroundPolicy.of(name -> name.equals("portal.turnaround.days") ? "two" : null));
    assertTrue(bad.getMessage().contains("portal.turnaround.days"));
  }
}

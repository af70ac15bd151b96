package org.patientportal.messaging.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hospital's business time: weekdays that are not holidays, between opening and closing, in the
 * hospital's time zone. Answers when a message that arrives at some instant is due, counted in
 * business days: the clock starts at the arrival if it is in business hours, or at the next opening
 * otherwise (an evening, a weekend, a holiday), and runs only in business hours. A business day is
 * the length of the business hours, so "2 business days" from Wednesday 10:00 is Friday 10:00, and
 * from Friday evening it is Tuesday at closing.
 *
 * <p>The same hours say when the staff of a pool process the threads addressed to its clinicians by
 * name ({@link #isOpen}, {@link ThreadAccess#staffSide}).
 *
 * <p>Time is counted on the wall clock of each day (a day of a daylight-saving change is as long as
 * any other), so a due time keeps its local time of day across the change. Pure: no clock, no
 * configuration reads; {@link TurnaroundPolicy} builds it from the configuration.
 */
public final class BusinessCalendar {

  private final ZoneId zone;
  private final LocalTime opens;
  private final LocalTime closes;
  private final Set<LocalDate> holidays;

  public BusinessCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<LocalDate> holidays) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.opens = Objects.requireNonNull(opens, "opens");
    this.closes = Objects.requireNonNull(closes, "closes");
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException("Business hours must open before they close");
    }
    this.holidays = Set.copyOf(holidays);
  }

  /**
   * A calendar from its settings as text.
   *
   * @param zone an IANA time zone, e.g. America/New_York
   * @param hours opening and closing, e.g. {@code 08:00-17:00}
   * @param holidays ISO dates separated by commas (blank: none), e.g. {@code 2026-12-25,2027-01-01}
   * @throws IllegalArgumentException naming the setting that cannot be read
   */
  public static BusinessCalendar parse(String zone, String hours, String holidays) {
    ZoneId id;
    try {
      id = ZoneId.of(zone.strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a time zone: " + zone, e);
    }
    String[] range = hours.strip().split("-");
    LocalTime opens;
    LocalTime closes;
    try {
      if (range.length != 2) {
        throw new DateTimeParseException("two times expected", hours, 0);
      }
      opens = LocalTime.parse(range[0].strip());
      closes = LocalTime.parse(range[1].strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Business hours are HH:MM-HH:MM, not " + hours, e);
    }
    Set<LocalDate> days = new TreeSet<>();
    if (holidays != null) {
      for (String day : holidays.split(",")) {
        if (!day.isBlank()) {
          try {
            days.add(LocalDate.parse(day.strip()));
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("A holiday is an ISO date, not " + day.strip(), e);
          }
        }
      }
    }
    return new BusinessCalendar(id, opens, closes, days);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The length of one business day. */
  public Duration dayLength() {
    return Duration.between(opens, closes);
  }

  /** A weekday that is not a holiday. */
  public boolean isBusinessDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  /**
   * Whether the hospital is open at {@code at}: a business day, from opening (included) to closing
   * (excluded), on the wall clock of the hospital's zone.
   */
  public boolean isOpen(Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    LocalTime time = local.toLocalTime();
    return isBusinessDay(local.toLocalDate()) && !time.isBefore(opens) && time.isBefore(closes);
  }

  /** When a message arriving at {@code arrival} is due: {@code days} business days of time. */
  public Instant dueBy(Instant arrival, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("A turnaround is not negative");
    }
    return plus(arrival, dayLength().multipliedBy(days));
  }

  /** Half of the way from {@code arrival} to its due time, in business time. */
  public Instant halfway(Instant arrival, int days) {
    return plus(arrival, dayLength().multipliedBy(days).dividedBy(2));
  }

  /**
   * The instant {@code businessTime} of business time after {@code from}; a span that ends exactly
   * at a closing ends there (not at the next opening).
   */
  public Instant plus(Instant from, Duration businessTime) {
    LocalDateTime at = LocalDateTime.ofInstant(from, zone);
    LocalDate day = at.toLocalDate();
    LocalTime time = at.toLocalTime();
    if (!isBusinessDay(day) || !time.isBefore(closes)) {
      day = nextBusinessDay(day.plusDays(1));
      time = opens;
    } else if (time.isBefore(opens)) {
      time = opens;
    }
    Duration left = businessTime;
    while (true) {
      Duration today = Duration.between(time, closes);
      if (left.compareTo(today) <= 0) {
        return ZonedDateTime.of(day, time.plus(left), zone).toInstant();
      }
      left = left.minus(today);
      day = nextBusinessDay(day.plusDays(1));
      time = opens;
    }
  }

  private LocalDate nextBusinessDay(LocalDate from) {
    LocalDate day = from;
    // a year of holidays in a row would be a misconfiguration; stop looking well before that
    for (int i = 0; i < 400; i++) {
      if (isBusinessDay(day)) {
        return day;
      }
      day = day.plusDays(1);
    }
    throw new IllegalStateException("No business day in the 400 days from " + from);
  }
}

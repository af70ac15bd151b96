package org.patientportal.audit.entity;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the unusual-access report counts as unusual, besides opening the messages of a patient
 * outside one's care teams: a burst (more than {@link #getBurstOpens()} opens by one person within
 * {@link #getBurstWindow()}) and an open outside working hours ({@link #getWorkStart()} to {@link
 * #getWorkEnd()}, Monday to Friday, in {@link #getZone()}; all of Saturday and Sunday is outside).
 */
public final class AccessRules {

  public static final int DEFAULT_BURST_OPENS = 50;
  public static final int DEFAULT_BURST_MINUTES = 10;
  public static final String DEFAULT_WORKING_HOURS = "07:00-19:00";

  /** A stretch of time, from inclusive to exclusive. */
  public record Span(Instant from, Instant to) {
    public Span {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("A span ends after it starts: " + from + " " + to);
      }
    }
  }

  private final int burstOpens;
  private final Duration burstWindow;
  private final LocalTime workStart;
  private final LocalTime workEnd;
  private final ZoneId zone;

  public AccessRules(
      int burstOpens, Duration burstWindow, LocalTime workStart, LocalTime workEnd, ZoneId zone) {
    if (burstOpens < 1) {
      throw new IllegalArgumentException("A burst is more than at least 1 open");
    }
    if (burstWindow == null || burstWindow.isNegative() || burstWindow.isZero()) {
      throw new IllegalArgumentException("A burst's window is a positive duration");
    }
    this.workStart = Objects.requireNonNull(workStart, "workStart");
    this.workEnd = Objects.requireNonNull(workEnd, "workEnd");
    if (!workStart.isBefore(workEnd)) {
      throw new IllegalArgumentException("Working hours end after they start, on the same day");
    }
    this.burstOpens = burstOpens;
    this.burstWindow = burstWindow;
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * The rules from settings as written: a number of opens, a number of minutes, working hours as
   * "HH:MM-HH:MM" and a time-zone id. A bad value is refused naming the setting {@code names} gives
   * for each of "burst-opens", "burst-minutes", "working-hours" and "time-zone".
   */
  public static AccessRules parse(
      String burstOpens,
      String burstMinutes,
      String workingHours,
      String zone,
      Function<String, String> names) {
    int opens = positive(burstOpens, names.apply("burst-opens"));
    int minutes = positive(burstMinutes, names.apply("burst-minutes"));
    String[] hours = workingHours == null ? new String[0] : workingHours.strip().split("-");
    LocalTime start;
    LocalTime end;
    try {
      if (hours.length != 2) {
        throw new DateTimeException("not two times");
      }
      start = LocalTime.parse(hours[0].strip());
      end = LocalTime.parse(hours[1].strip());
    } catch (DateTimeException e) {
      throw bad(names.apply("working-hours"), workingHours, "working hours such as 07:00-19:00");
    }
    if (!start.isBefore(end)) {
      throw bad(names.apply("working-hours"), workingHours, "a start before the end");
    }
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone == null ? "" : zone.strip());
    } catch (DateTimeException e) {
      throw bad(names.apply("time-zone"), zone, "a time-zone id such as America/New_York");
    }
    return new AccessRules(opens, Duration.ofMinutes(minutes), start, end, zoneId);
  }

  private static int positive(String value, String name) {
    try {
      int n = Integer.parseInt(value == null ? "" : value.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw bad(name, value, "a whole number above 0");
  }

  private static IllegalArgumentException bad(String name, String value, String expected) {
    return new IllegalArgumentException(name + " is '" + value + "'; it must be " + expected);
  }

  /** Whether {@code at} falls in working hours on a working day (Monday to Friday). */
  public boolean isWorkingTime(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    if (!workingDay(local.toLocalDate())) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    return !time.isBefore(workStart) && time.isBefore(workEnd);
  }

  private static boolean workingDay(LocalDate day) {
    DayOfWeek d = day.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
  }

  /**
   * The stretches of {@code [from, to)} outside working hours, in order: nights, and whole
   * weekends. A database reads only these stretches of the log to find after-hours opens.
   */
  public List<Span> afterHours(Instant from, Instant to) {
    List<Span> outside = new ArrayList<>();
    Instant cursor = from;
    LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
    for (; !day.isAfter(last) && cursor.isBefore(to); day = day.plusDays(1)) {
      if (!workingDay(day)) {
        continue;
      }
      Instant start = day.atTime(workStart).atZone(zone).toInstant();
      Instant end = day.atTime(workEnd).atZone(zone).toInstant();
      if (!end.isAfter(cursor)) {
        continue;
      }
      if (start.isAfter(cursor)) {
        outside.add(new Span(cursor, start.isBefore(to) ? start : to));
      }
      cursor = end;
    }
    if (cursor.isBefore(to)) {
      outside.add(new Span(cursor, to));
    }
    return outside;
  }

  /**
   * The bursts among one person's opens (in time order): each is a run of more than {@link
   * #getBurstOpens()} opens in which every open lies within {@link #getBurstWindow()} (exclusive)
   * of the open {@link #getBurstOpens()} before it; overlapping windows make one burst.
   */
  public <T> List<List<T>> bursts(List<T> opens, Function<T, Instant> at) {
    List<List<T>> bursts = new ArrayList<>();
    int start = -1;
    int end = -1;
    for (int i = burstOpens; i < opens.size(); i++) {
      Instant first = at.apply(opens.get(i - burstOpens));
      if (Duration.between(first, at.apply(opens.get(i))).compareTo(burstWindow) < 0) {
        if (start >= 0 && i - burstOpens <= end) {
          end = i;
        } else {
          if (start >= 0) {
            bursts.add(List.copyOf(opens.subList(start, end + 1)));
          }
          start = i - burstOpens;
          end = i;
        }
      }
    }
    if (start >= 0) {
      bursts.add(List.copyOf(opens.subList(start, end + 1)));
    }
    return bursts;
  }

  public int getBurstOpens() {
    return burstOpens;
  }

  public Duration getBurstWindow() {
    return burstWindow;
  }

  public long getBurstMinutes() {
    return burstWindow.toMinutes();
  }

  public LocalTime getWorkStart() {
    return workStart;
  }

  public LocalTime getWorkEnd() {
    return workEnd;
  }

  public ZoneId getZone() {
    return zone;
  }
}

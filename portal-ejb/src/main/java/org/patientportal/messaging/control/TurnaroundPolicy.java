package org.patientportal.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.patientportal.messaging.entity.Category;

/**
 * How long the care team has to answer a patient's message, from MicroProfile Config (system
 * properties, or the environment variables they map to):
 *
 * <ul>
 *   <li>{@code portal.turnaround.days} (PORTAL_TURNAROUND_DAYS): business days for any category,
 *       default 2; {@code portal.turnaround.days.<category>} (e.g.
 *       PORTAL_TURNAROUND_DAYS_PRESCRIPTION) for one category, default 1 for PRESCRIPTION;
 *   <li>{@code portal.turnaround.zone} (PORTAL_TURNAROUND_ZONE): the hospital's time zone, by
 *       default the one the views show times in ({@code portal.time-zone}, America/New_York);
 *   <li>{@code portal.turnaround.hours} (PORTAL_TURNAROUND_HOURS): business hours, default
 *       08:00-17:00;
 *   <li>{@code portal.turnaround.holidays} (PORTAL_TURNAROUND_HOLIDAYS): ISO dates separated by
 *       commas, default none.
 * </ul>
 *
 * A setting that cannot be read stops the deployment with a message naming it.
 */
@ApplicationScoped
public class TurnaroundPolicy {

  static final int DEFAULT_DAYS = 2;
  static final Map<Category, Integer> DEFAULTS = Map.of(Category.PRESCRIPTION, 1);

  private BusinessCalendar calendar;
  private final Map<Category, Integer> days = new EnumMap<>(Category.class);

  /** When a message is due and when it is halfway there. */
  public record Due(Instant dueBy, Instant halfway) {}

  @PostConstruct
  void configure() {
    Config config = ConfigProvider.getConfig(TurnaroundPolicy.class.getClassLoader());
    configure(name -> config.getOptionalValue(name, String.class).orElse(null));
  }

  void configure(java.util.function.Function<String, String> settings) {
    calendar =
        BusinessCalendar.parse(
            orDefault(
                settings.apply("portal.turnaround.zone"),
                orDefault(settings.apply("portal.time-zone"), "America/New_York")),
            orDefault(settings.apply("portal.turnaround.hours"), "08:00-17:00"),
            orDefault(settings.apply("portal.turnaround.holidays"), ""));
    int all = number(settings, "portal.turnaround.days", DEFAULT_DAYS);
    for (Category c : Category.values()) {
      days.put(
          c,
          number(
              settings,
              "portal.turnaround.days." + c.name().toLowerCase(Locale.ROOT),
              DEFAULTS.getOrDefault(c, all)));
    }
  }

  /** A policy from settings by name (absent: null), for tests. */
  public static TurnaroundPolicy of(java.util.function.Function<String, String> settings) {
    TurnaroundPolicy policy = new TurnaroundPolicy();
    policy.configure(settings);
    return policy;
  }

  /** When a patient's message of {@code category} that arrived at {@code arrival} is due. */
  public Due due(Category category, Instant arrival) {
    int n = days.get(category);
    return new Due(calendar.dueBy(arrival, n), calendar.halfway(arrival, n));
  }

  public int days(Category category) {
    return days.get(category);
  }

  public BusinessCalendar calendar() {
    return calendar;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static int number(
      java.util.function.Function<String, String> settings, String name, int fallback) {
    String value = settings.apply(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < 0 || n > 60) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " is a number of business days from 0 to 60, not " + value, e);
    }
  }
}

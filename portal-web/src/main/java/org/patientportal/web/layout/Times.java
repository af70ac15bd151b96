package org.patientportal.web.layout;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Shows instants in the hospital's time zone ({@code portal.time-zone}, a system property or the
 * environment variable PORTAL_TIME_ZONE; America/New_York by default) and the view's language.
 */
@Named
@ApplicationScoped
public class Times {

  @Inject
  @ConfigProperty(name = "portal.time-zone", defaultValue = "America/New_York")
  String zoneSetting;

  private ZoneId zone;

  @PostConstruct
  void readZone() {
    zone = ZoneId.of(zoneSetting.strip());
  }

  /** Date and time, e.g. "Nov 25, 2026, 5:46:20 AM" or "25 nov 2026, 5:46:20". */
  public String dateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
        .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
        .withZone(zone)
        .format(instant);
  }

  /** The date alone, e.g. "Nov 25, 2026" or "25 nov 2026", in the hospital's zone. */
  public String date(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
        .withZone(zone)
        .format(instant);
  }

  public ZoneId getZone() {
    return zone;
  }
}

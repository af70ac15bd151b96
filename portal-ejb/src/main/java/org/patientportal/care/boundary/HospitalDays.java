package org.patientportal.care.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which day it is at the hospital: away periods are whole days in the hospital's time zone ({@code
 * portal.time-zone} / PORTAL_TIME_ZONE, America/New_York by default), read from the injectable
 * clock.
 */
@ApplicationScoped
public class HospitalDays {

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "portal.time-zone", defaultValue = "America/New_York")
  String zone;

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneId.of(zone));
  }
}

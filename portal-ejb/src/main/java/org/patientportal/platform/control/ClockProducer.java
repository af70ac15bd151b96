package org.patientportal.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock of the application; tests replace it with an alternative. */
@ApplicationScoped
public class ClockProducer {

  @Produces
  public Clock clock() {
    return Clock.systemUTC();
  }
}

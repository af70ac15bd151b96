package org.patientportal.it.support;

import java.time.Duration;
import java.time.Instant;
import org.patientportal.messaging.control.BusinessCalendar;
import org.patientportal.messaging.control.TurnaroundPolicy;

/**
 * The hospital's business hours as the portal under test has them: its defaults, or the {@code
 * portal.turnaround.*} settings the build gives both the server and the tests ({@code
 * -Dit.hospital.zone=Asia/Tokyo} runs the server, and these answers, in Tokyo's hours). Whether the
 * staff of a pool process its clinicians' threads depends on it, so the tests of that rule ask here
 * what the portal will decide now (tests never wait for a time of day).
 */
public final class Hospital {

  private Hospital() {}

  public static BusinessCalendar calendar() {
    return TurnaroundPolicy.of(System::getProperty).calendar();
  }

  /** Whether the hospital is open now. */
  public static boolean openNow() {
    return calendar().isOpen(Instant.now());
  }

  /**
   * Whether the hospital stays as it is now (open or closed) for {@code margin}: a test that
   * depends on it does not run across an opening or closing.
   */
  public static boolean steadyFor(Duration margin) {
    Instant now = Instant.now();
    return calendar().isOpen(now) == calendar().isOpen(now.plus(margin));
  }
}

package org.patientportal.web.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionLimitsTest {

  private static final Instant SIGNED_IN = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void theDefaultsAreFifteenMinutesIdleAndTwelveHoursInAll() {
    SessionLimits limits = new SessionLimits(15, 12);
    assertEquals(Duration.ofMinutes(15), limits.idle());
    assertEquals(Duration.ofHours(12), limits.maximum());
    assertEquals(15, limits.getIdleMinutes());
    assertEquals(12, limits.getMaximumHours());
    assertEquals(SessionLimits.DEFAULT_IDLE, new SessionLimits().idle());
    assertEquals(SessionLimits.DEFAULT_MAXIMUM, new SessionLimits().maximum());
  }

  @Test
  void aSessionEndsTwelveHoursAfterItsSignInToTheSecond() {
    SessionLimits limits = new SessionLimits(15, 12);
    assertFalse(limits.outlived(SIGNED_IN, SIGNED_IN));
    assertFalse(limits.outlived(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(12)).minusMillis(1)));
    assertTrue(limits.outlived(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(12))));
    assertTrue(limits.outlived(SIGNED_IN, SIGNED_IN.plus(Duration.ofDays(3))));
  }

  @Test
  void aSessionWithoutASignInHasNoMaximumToOutlive() {
    assertFalse(new SessionLimits(15, 12).outlived(null, SIGNED_IN));
  }

  @Test
  void limitsThatLeaveNoRoomForTheWarningOrContradictEachOtherAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SessionLimits(1, 12));
    assertThrows(IllegalArgumentException.class, () -> new SessionLimits(15, 0));
    assertThrows(IllegalArgumentException.class, () -> new SessionLimits(61, 1));
    assertEquals(Duration.ofMinutes(60), new SessionLimits(60, 1).idle());
  }
}

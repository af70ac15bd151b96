package org.patientportal.care.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.InvalidInputException;

/** A grant's invariants: its limits when made, and when it lets its caregiver act. */
class ProxyGrantTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  private static ProxyGrant grant(Set<ProxyScope> scopes, Duration runs, String by, String why) {
    return new ProxyGrant(1L, "pat.jones", "chris.jones", scopes, NOW.plus(runs), by, NOW, why);
  }

  @Test
  void aGrantActsWithinItsScopesUntilItsExpiryOrRevocation() {
    ProxyGrant g = grant(EnumSet.of(ProxyScope.MESSAGING), Duration.ofDays(30), "pat.jones", null);
    assertTrue(g.allows(ProxyScope.MESSAGING, NOW));
    assertFalse(g.allows(ProxyScope.REQUESTS, NOW), "outside its scope");
    assertTrue(g.activeAt(NOW.plus(Duration.ofDays(30)).minusMillis(1)));
    assertFalse(g.activeAt(NOW.plus(Duration.ofDays(30))), "expired at its end");
    g.revoke("pat.jones", NOW.plusSeconds(5));
    assertFalse(g.activeAt(NOW.plusSeconds(6)));
    assertThrows(ConflictException.class, () -> g.revoke("pat.jones", NOW.plusSeconds(7)));
    assertEquals(Set.of(ProxyScope.MESSAGING), g.getScopes());
  }

  @Test
  void aPatientGrantsForAYearAndADayAtMostAndStaffForTwoWithAReason() {
    Set<ProxyScope> messaging = EnumSet.of(ProxyScope.MESSAGING);
    grant(messaging, Duration.ofDays(366), "pat.jones", null);
    assertThrows(
        InvalidInputException.class,
        () -> grant(messaging, Duration.ofDays(367), "pat.jones", null));
    assertThrows(
        InvalidInputException.class, () -> grant(messaging, Duration.ZERO, "pat.jones", null));
    assertThrows(
        InvalidInputException.class,
        () -> grant(EnumSet.noneOf(ProxyScope.class), Duration.ofDays(1), "pat.jones", null));
    assertThrows(
        InvalidInputException.class,
        () -> grant(messaging, Duration.ofDays(30), "nurse.lee", " "),
        "staff must say why");
    ProxyGrant staff = grant(messaging, Duration.ofDays(731), "nurse.lee", "Menor de edad 👶");
    assertEquals("Menor de edad 👶", staff.getReason());
    assertThrows(
        InvalidInputException.class,
        () -> grant(messaging, Duration.ofDays(732), "nurse.lee", "Menor"));
    assertThrows(
        InvalidInputException.class,
        () ->
            new ProxyGrant(
                1L,
                "pat.jones",
                "pat.jones",
                messaging,
                NOW.plusSeconds(60),
                "pat.jones",
                NOW,
                null));
  }
}

package org.patientportal.care.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The invariants of a care team and of an away period. */
class CareEntitiesTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final LocalDate MON = LocalDate.parse("2026-12-07");
  private static final LocalDate FRI = LocalDate.parse("2026-12-11");

  @Test
  void aTeamsLeadIsAMemberAndCannotLeave() {
    CarePool pool = new CarePool("cardiology", "Cardiology");
    assertThrows(IllegalArgumentException.class, () -> pool.setLead("dr.smith"));
    pool.addMember("dr.smith", PoolRole.CLINICIAN);
    pool.addMember("nurse.lee", PoolRole.STAFF);
    pool.setLead("dr.smith");
    assertThrows(IllegalArgumentException.class, () -> pool.removeMember("dr.smith"));
    assertTrue(pool.removeMember("nurse.lee"));
    assertFalse(pool.removeMember("nurse.lee"));
    assertNull(pool.roleOf("nurse.lee"));
    assertEquals(PoolRole.CLINICIAN, pool.roleOf("dr.smith"));
  }

  @Test
  void aMembersRoleChangesInPlace() {
    CarePool pool = new CarePool("cardiology", "Cardiology");
    pool.addMember("dr.smith", PoolRole.STAFF);
    pool.addMember("dr.smith", PoolRole.CLINICIAN);
    assertEquals(1, pool.getMembers().size());
    assertEquals(PoolRole.CLINICIAN, pool.roleOf("dr.smith"));
  }

  @Test
  void aTeamIsRenamedButNeverToNothing() {
    CarePool pool = new CarePool("cardiology", "Cardiology");
    pool.rename("  Cardiología 🫀 ");
    assertEquals("Cardiología 🫀", pool.getName());
    assertThrows(IllegalArgumentException.class, () -> pool.rename(" "));
    assertThrows(IllegalArgumentException.class, () -> pool.rename("x".repeat(201)));
    assertEquals("cardiology", pool.getCode());
  }

  @Test
  void patientsComeAndGo() {
    CarePool pool = new CarePool("cardiology", "Cardiology");
    pool.addPatient("pat.jones");
    assertTrue(pool.caresFor("pat.jones"));
    assertTrue(pool.removePatient("pat.jones"));
    assertFalse(pool.removePatient("pat.jones"));
  }

  @Test
  void anAwayPeriodRunsFromItsFirstToItsLastDay() {
    AwayPeriod week = new AwayPeriod("dr.smith", "dr.chen", AwayKind.VACATION, MON, FRI, NOW);
    assertFalse(week.covers(MON.minusDays(1)));
    assertTrue(week.covers(MON));
    assertTrue(week.covers(FRI));
    assertFalse(week.covers(FRI.plusDays(1)));
    assertTrue(week.overlaps(FRI, FRI.plusDays(3)));
    assertTrue(week.overlaps(MON.minusDays(3), MON));
    assertFalse(week.overlaps(FRI.plusDays(1), FRI.plusDays(3)));
    new AwayPeriod("dr.smith", "dr.chen", AwayKind.ILLNESS, MON, MON, NOW);
  }

  @Test
  void anAwayPeriodEndsAfterItStartsAndIsCoveredBySomeoneElse() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AwayPeriod("dr.smith", "dr.chen", AwayKind.OTHER, FRI, MON, NOW));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AwayPeriod("dr.smith", "dr.smith", AwayKind.OTHER, MON, FRI, NOW));
  }
}

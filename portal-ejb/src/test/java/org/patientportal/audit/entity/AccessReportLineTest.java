package org.patientportal.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who a patient's access report names: care staff always, a refused outsider never. */
class AccessReportLineTest {

  private static AuditEntry entry(String role, AuditAction action, AuditOutcome outcome) {
    return new AuditEntry(
            Instant.parse("2026-11-25T10:00:00Z"),
            "someone",
            null,
            "pat.jones",
            action,
            "thread/5",
            outcome,
            "127.0.0.1",
            "test")
        .actingAs(role);
  }

  @Test
  void aRefusedAttemptByAnotherPatientNamesNoOne() {
    AccessReportLine line =
        new AccessReportLine(
            entry("patient", AuditAction.ACCESS_DENIED, AuditOutcome.DENIED), "Sam Rivera");
    assertTrue(line.isOutsideCareTeam());
    assertNull(line.getActor());
    assertNull(line.getActorName());
    assertNull(line.getActorRole());
    assertEquals("thread/5", line.getResource());
  }

  @Test
  void refusalsByEveryoneButCareStaffAreAnonymous() {
    for (String role : new String[] {"proxy", "communications", "auditor", "admin", null}) {
      assertTrue(
          AccessReportLine.hidesActor(entry(role, AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)),
          String.valueOf(role));
    }
    for (String role : new String[] {"clinician", "staff"}) {
      AccessReportLine line =
          new AccessReportLine(
              entry(role, AuditAction.ACCESS_DENIED, AuditOutcome.DENIED), "Alex Smith");
      assertFalse(line.isOutsideCareTeam(), role);
      assertEquals("Alex Smith", line.getActorName());
      assertEquals(role, line.getActorRole());
    }
  }

  @Test
  void anOpenShowsWhoOpenedIt() {
    AccessReportLine line =
        new AccessReportLine(
            entry("clinician", AuditAction.MESSAGE_OPENED, AuditOutcome.SUCCESS), "Alex Smith");
    assertFalse(line.isOutsideCareTeam());
    assertEquals("someone", line.getActor());
    assertEquals("Alex Smith", line.getActorName());
    assertEquals("clinician", line.getActorRole());
  }
}

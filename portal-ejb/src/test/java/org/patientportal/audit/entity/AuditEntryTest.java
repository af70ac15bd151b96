package org.patientportal.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  @Test
  void everyFieldIsCutToItsColumnRatherThanFailingTheInsert() {
    String huge = "p".repeat(5_000);
    AuditEntry entry =
        new AuditEntry(
                Instant.now(),
                "a".repeat(300),
                huge,
                huge,
                AuditAction.ACCESS_DENIED,
                "/portal/api/v1/audit?patient=" + huge,
                AuditOutcome.DENIED,
                "1".repeat(100),
                "u".repeat(2_000))
            .actingAs("r".repeat(40));
    assertEquals(AuditEntry.MAX_NAME, entry.getActor().length());
    assertEquals(AuditEntry.MAX_NAME, entry.getPatient().length());
    assertEquals(AuditEntry.MAX_NAME, entry.getOnBehalfOf().length());
    assertEquals(AuditEntry.MAX_TEXT, entry.getResource().length());
    assertEquals(AuditEntry.MAX_ADDRESS, entry.getClientAddress().length());
    assertEquals(AuditEntry.MAX_USER_AGENT, entry.getUserAgent().length());
    assertEquals(AuditEntry.MAX_ROLE, entry.getActorRole().length());
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String text = "x".repeat(63) + "😀";
    assertEquals(63, AuditEntry.clip(text, 64).length());
  }
}

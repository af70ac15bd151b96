package org.patientportal.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditOutcome;

class AuditCsvTest {

  @Test
  void oneRowPerEntryQuotedAsRfc4180WantsWithFormulasDefused() {
    AuditEntry entry =
        new AuditEntry(
                Instant.parse("2026-11-25T12:00:00Z"),
                "dr.smith",
                null,
                "pat.jones",
                AuditAction.MESSAGE_OPENED,
                "message/9",
                AuditOutcome.SUCCESS,
                "10.0.0.1",
                "=HYPERLINK(\"http://x\"), \"quoted\"")
            .actingAs("clinician");
    String[] lines = AuditCsv.write(List.of(entry)).split("\r\n");
    assertEquals(
        "seq,at,actor,actorRole,onBehalfOf,patient,action,resource,outcome,clientAddress,userAgent",
        lines[0]);
    assertEquals(
        ",2026-11-25T12:00:00Z,dr.smith,clinician,,pat.jones,MESSAGE_OPENED,message/9,SUCCESS,"
            + "10.0.0.1,\"'=HYPERLINK(\"\"http://x\"\"), \"\"quoted\"\"\"",
        lines[1]);
  }

  @Test
  void onlyLeadingFormulaCharactersAreDefused() {
    assertEquals("'+1", AuditCsv.safe("+1"));
    assertEquals("'@SUM(A1)", AuditCsv.safe("@SUM(A1)"));
    assertEquals("a=b", AuditCsv.safe("a=b"));
    assertEquals(null, AuditCsv.safe(null));
  }
}

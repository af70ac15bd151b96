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

  @Test
  void aCellHoldingASemicolonIsQuotedForSpreadsheetsThatSplitAtSemicolons() {
    assertEquals("\"a;b\"", AuditCsv.cell("a;b"));
    assertEquals(
        "\"Mozilla/5.0 (X11; Linux x86_64)\"", AuditCsv.cell("Mozilla/5.0 (X11; Linux x86_64)"));
    assertEquals("\" padded \"", AuditCsv.cell(" padded "));
    assertEquals("plain", AuditCsv.cell("plain"));
    assertEquals("", AuditCsv.cell(null));
  }

  /** A reader that splits at semicolons (as Spanish spreadsheets do) gets every cell whole. */
  @Test
  void aSemicolonReaderGetsTheCellsWhole() throws Exception {
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
            "Mozilla/5.0 (X11; Linux x86_64)");
    String csv = AuditCsv.write(List.of(entry));
    for (org.apache.commons.csv.CSVRecord record :
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setDelimiter(';')
            .get()
            .parse(new java.io.StringReader(csv))) {
      for (String cell : record) {
        assertEquals(
            false,
            cell.equals("Mozilla/5.0 (X11") || cell.equals(" Linux x86_64)"),
            "a cell split at its semicolon: " + record);
      }
    }
    List<org.apache.commons.csv.CSVRecord> rows =
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setHeader()
            .get()
            .parse(new java.io.StringReader(csv))
            .getRecords();
    assertEquals("Mozilla/5.0 (X11; Linux x86_64)", rows.get(0).get("userAgent"));
  }
}

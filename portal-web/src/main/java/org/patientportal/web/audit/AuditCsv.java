package org.patientportal.web.audit;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patientportal.audit.entity.AuditEntry;

/**
 * Audit entries as CSV (RFC 4180, a header row). A value a spreadsheet would take for a formula
 * (starting with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe, so
 * an exported log cannot run anything when an auditor opens it.
 */
final class AuditCsv {

  static final String[] HEADER = {
    "seq",
    "at",
    "actor",
    "actorRole",
    "onBehalfOf",
    "patient",
    "action",
    "resource",
    "outcome",
    "clientAddress",
    "userAgent"
  };

  private AuditCsv() {}

  static String write(List<AuditEntry> entries) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter csv =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
      for (AuditEntry e : entries) {
        csv.printRecord(
            e.getSeq(),
            e.getAt(),
            safe(e.getActor()),
            safe(e.getActorRole()),
            safe(e.getOnBehalfOf()),
            safe(e.getPatient()),
            e.getAction().name(),
            safe(e.getResource()),
            e.getOutcome().name(),
            safe(e.getClientAddress()),
            safe(e.getUserAgent()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Writing CSV to memory failed", e);
    }
    return out.toString();
  }

  static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}

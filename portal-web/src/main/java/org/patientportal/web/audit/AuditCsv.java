package org.patientportal.web.audit;

import java.util.List;
import org.patientportal.audit.entity.AuditEntry;

/**
 * Audit entries as CSV (RFC 4180, a header row, CRLF line ends). A value a spreadsheet would take
 * for a formula (starting with =, +, -, @, a tab or a carriage return) is written with a leading
 * apostrophe, so an exported log cannot run anything when an auditor opens it. A value holding a
 * comma, a semicolon, a quote or a line break, or with space at either end, is quoted: spreadsheets
 * in many locales (Spanish among them) split CSV cells at semicolons.
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
    row(out, (Object[]) HEADER);
    for (AuditEntry e : entries) {
      row(
          out,
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
    return out.toString();
  }

  private static void row(StringBuilder out, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(values[i]));
    }
    out.append("\r\n");
  }

  /** One cell: empty for null, quoted (quotes doubled) where a reader could split or trim it. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.isEmpty()) {
      return text;
    }
    boolean quote =
        text.charAt(0) <= ' '
            || text.charAt(text.length() - 1) <= ' '
            || text.chars()
                .anyMatch(c -> c == ',' || c == ';' || c == '"' || c == '\r' || c == '\n');
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}

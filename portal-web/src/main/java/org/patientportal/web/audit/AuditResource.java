package org.patientportal.web.audit;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditQuery;
import org.patientportal.shared.entity.InvalidInputException;

/** {@code GET /api/v1/audit}: the access log, for auditors only (the boundary enforces it). */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  /** One audit entry as the API shows it. */
  public record Entry(
      long seq,
      Instant at,
      String actor,
      String action,
      String patient,
      String resource,
      String outcome,
      String clientAddress) {

    static Entry of(AuditEntry e) {
      return new Entry(
          e.getSeq(),
          e.getAt(),
          e.getActor(),
          e.getAction().name(),
          e.getPatient(),
          e.getResource(),
          e.getOutcome().name(),
          e.getClientAddress());
    }
  }

  @EJB AuditService audit;

  @GET
  public List<Entry> search(
      @QueryParam("patient") String patient,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("100") int size) {
    AuditQuery query =
        new AuditQuery(
            patient, actor, action(action), instant("from", from), instant("to", to), page, size);
    return audit.search(query).stream().map(Entry::of).toList();
  }

  /**
   * The same search as CSV ({@code Accept: text/csv}): every matching entry, not one page, as an
   * attachment; the export is itself audited.
   */
  @GET
  @Produces("text/csv")
  public jakarta.ws.rs.core.Response exportCsv(
      @QueryParam("patient") String patient,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    AuditQuery query =
        new AuditQuery(
            patient, actor, action(action), instant("from", from), instant("to", to), 0, 1);
    String csv = AuditCsv.write(audit.export(query, "csv"));
    return jakarta.ws.rs.core.Response.ok(csv, "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"audit-log-" + Instant.now().getEpochSecond() + ".csv\"")
        .build();
  }

  static AuditAction action(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return AuditAction.valueOf(name.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "action", "Unknown action; one of " + Arrays.toString(AuditAction.values()) + ".");
    }
  }

  static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, "Write times as ISO-8601 instants, such as 2026-11-25T09:00:00Z.");
    }
  }
}

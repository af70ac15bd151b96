package org.patientportal.web.audit;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.patientportal.audit.boundary.AuditReports;
import org.patientportal.audit.entity.AccessRules;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditQuery;
import org.patientportal.audit.entity.DailyActivity;
import org.patientportal.audit.entity.UnusualAccess;
import org.patientportal.audit.entity.UnusualAccessReport;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * {@code /api/v1/audit/reports}: the auditor's reports on the access log (the boundary allows
 * auditors only): {@code activity?from=&to=} (UTC days, ISO dates, the last 30 days by default) and
 * {@code unusual-access?from=&to=} (ISO instants, the last 7 days by default).
 */
@Path("audit/reports")
@Produces(MediaType.APPLICATION_JSON)
public class AuditReportsResource {

  /** Accesses and refusals per UTC day. */
  public record Activity(LocalDate from, LocalDate to, String timeZone, List<Day> days) {}

  /** One UTC day. */
  public record Day(LocalDate day, long accesses, long refused) {
    static Day of(DailyActivity d) {
      return new Day(d.getDay(), d.getAccesses(), d.getRefused());
    }
  }

  /** The unusual-access report. */
  public record Unusual(
      Instant from, Instant to, Rules rules, boolean truncated, List<Finding> findings) {}

  /** The rules the report applied. */
  public record Rules(
      int burstOpens, long burstMinutes, String workStart, String workEnd, String timeZone) {
    static Rules of(AccessRules r) {
      return new Rules(
          r.getBurstOpens(),
          r.getBurstMinutes(),
          r.getWorkStart().toString(),
          r.getWorkEnd().toString(),
          r.getZone().getId());
    }
  }

  /** One finding and the entries behind it. */
  public record Finding(
      String kind, String actor, String patient, Instant first, Instant last, List<Entry> entries) {
    static Finding of(UnusualAccess f) {
      return new Finding(
          f.getKind().name(),
          f.getActor(),
          f.getPatient(),
          f.getFirst(),
          f.getLast(),
          f.getEntries().stream().map(Entry::of).toList());
    }
  }

  /** An audit entry behind a finding. */
  public record Entry(
      long seq,
      Instant at,
      String actor,
      String actorRole,
      String action,
      String patient,
      String resource) {
    static Entry of(AuditEntry e) {
      return new Entry(
          e.getSeq(),
          e.getAt(),
          e.getActor(),
          e.getActorRole(),
          e.getAction().name(),
          e.getPatient(),
          e.getResource());
    }
  }

  @EJB AuditReports reports;
  @jakarta.inject.Inject org.patientportal.web.layout.Times times;

  @GET
  @Path("activity")
  public Activity activity(@QueryParam("from") String from, @QueryParam("to") String to) {
    List<DailyActivity> days = reports.activity(date("from", from), date("to", to));
    return new Activity(
        days.get(0).getDay(),
        days.get(days.size() - 1).getDay(),
        times.getZone().getId(),
        days.stream().map(Day::of).toList());
  }

  @GET
  @Path("unusual-access")
  public Unusual unusualAccess(@QueryParam("from") String from, @QueryParam("to") String to) {
    UnusualAccessReport report =
        reports.unusualAccess(AuditResource.instant("from", from), AuditResource.instant("to", to));
    return new Unusual(
        report.getFrom(),
        report.getTo(),
        Rules.of(report.getRules()),
        report.isTruncated(),
        report.getFindings().stream().map(Finding::of).toList());
  }

  static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Write days as ISO-8601 dates, such as 2026-11-25.");
    }
    AuditQuery.checkDay(field, day);
    return day;
  }
}

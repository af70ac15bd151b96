package org.patientportal.web.audit;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.audit.entity.AuditQuery;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * {@code GET /api/v1/audit}: the access log, for auditors only (the boundary enforces it). JSON
 * gives one page; {@code text/csv} and {@code application/fhir+json} export every matching entry.
 */
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
      String clientAddress,
      String actorRole,
      String onBehalfOf,
      String userAgent) {

    static Entry of(AuditEntry e) {
      return new Entry(
          e.getSeq(),
          e.getAt(),
          e.getActor(),
          e.getAction().name(),
          e.getPatient(),
          e.getResource(),
          e.getOutcome().name(),
          e.getClientAddress(),
          e.getActorRole(),
          e.getOnBehalfOf(),
          e.getUserAgent());
    }
  }

  @EJB AuditService audit;
  @Context UriInfo uriInfo;

  /**
   * One page, newest first. Page on with {@code before} = the last {@code seq} seen (fast at any
   * depth); {@code page} (by offset) still works for the first pages.
   */
  @GET
  public List<Entry> search(
      @QueryParam("patient") String patient,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("outcome") String outcome,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("before") String before,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("100") int size) {
    AuditQuery query =
        new AuditQuery(
            patient,
            actor,
            action(action),
            instant("from", from),
            instant("to", to),
            page,
            size,
            outcome(outcome),
            seq(before));
    return audit.search(query).stream().map(Entry::of).toList();
  }

  /**
   * The same search as CSV ({@code Accept: text/csv}): every matching entry, not one page, as an
   * attachment; the export is itself audited.
   */
  @GET
  @Produces("text/csv;qs=0.5") // a client that accepts anything gets the JSON page, not an export
  public Response exportCsv(
      @QueryParam("patient") String patient,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("outcome") String outcome,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    AuditQuery query = exportQuery(patient, actor, action, outcome, from, to);
    String csv = AuditCsv.write(audit.export(query, "csv"));
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", attachment("csv"))
        .build();
  }

  /**
   * The same search as a FHIR R4 Bundle of AuditEvent resources ({@code Accept:
   * application/fhir+json}, see {@link AuditFhir}): every matching entry; the export is itself
   * audited (format {@code fhir}).
   */
  @GET
  @Produces(AuditFhir.MEDIA_TYPE + ";qs=0.5")
  public Response exportFhir(
      @QueryParam("patient") String patient,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("outcome") String outcome,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    AuditQuery query = exportQuery(patient, actor, action, outcome, from, to);
    List<AuditEntry> entries = audit.export(query, "fhir");
    AuditFhir.Context context =
        new AuditFhir.Context(
            uriInfo == null ? null : uriInfo.getBaseUri().getHost(),
            ConfigProvider.getConfig()
                .getOptionalValue("portal.mrn-system", String.class)
                .orElse(AuditFhir.DEFAULT_MRN_SYSTEM),
            audit.medicalRecordNumbers(entries));
    Instant now = Instant.now();
    StreamingOutput body =
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          AuditFhir.write(entries, now, context, writer);
          writer.flush();
        };
    return Response.ok(body, AuditFhir.MEDIA_TYPE + "; charset=UTF-8")
        .header("Content-Disposition", attachment("fhir.json"))
        .build();
  }

  private static AuditQuery exportQuery(
      String patient, String actor, String action, String outcome, String from, String to) {
    return new AuditQuery(
        patient,
        actor,
        action(action),
        instant("from", from),
        instant("to", to),
        0,
        1,
        outcome(outcome),
        null);
  }

  /** A download's Content-Disposition, named by the time of the export. */
  static String attachment(String extension) {
    return "attachment; filename=\"audit-log-"
        + Instant.now().getEpochSecond()
        + "."
        + extension
        + "\"";
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

  static AuditOutcome outcome(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return AuditOutcome.valueOf(name.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "outcome", "Unknown outcome; one of " + Arrays.toString(AuditOutcome.values()) + ".");
    }
  }

  static Long seq(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "before", "Page on with the sequence number (seq) of the last entry seen.");
    }
  }

  static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant instant;
    try {
      instant = Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, "Write times as ISO-8601 instants, such as 2026-11-25T09:00:00Z.");
    }
    AuditQuery.checkTime(field, instant);
    return instant;
  }
}

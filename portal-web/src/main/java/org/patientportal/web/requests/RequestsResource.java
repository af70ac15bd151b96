package org.patientportal.web.requests;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.patientportal.requests.boundary.Requests;
import org.patientportal.requests.entity.NewRequest;
import org.patientportal.requests.entity.RequestDetail;
import org.patientportal.requests.entity.RequestFiled;
import org.patientportal.requests.entity.RequestType;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * {@code /api/v1/requests}: appointment, prescription renewal and referral authorization requests.
 * POST {@code {"type","patient"?,"team"?,…fields}} → 201 {@code {"id","threadId","status"}}; GET
 * the caller's requests (a patient's own, a care team's for its clinicians and staff); GET {@code
 * /{id}} one with its fields; POST {@code /{id}/status {"status","note"}} moves it. The boundary
 * decides who may do what; this class only translates JSON.
 */
@Path("requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestsResource {

  @EJB Requests requests;
  @Context UriInfo uri;

  /** A new request: its type and the type's fields. */
  public record NewRequestIn(
      String type,
      String patient,
      String team,
      String preferredDays,
      String preferredTimes,
      String reason,
      String location,
      String medication,
      String dose,
      String pharmacy,
      String specialty,
      String insurer) {}

  /** What a POST filed. */
  public record Filed(long id, long threadId, String status) {}

  /** A new status and the note for the patient. */
  public record StatusIn(String status, String note) {}

  /** A request; {@code fields} only when it is read on its own. */
  public record RequestOut(
      long id,
      long threadId,
      String type,
      String category,
      String status,
      String patient,
      String patientName,
      String team,
      String createdBy,
      Instant createdAt,
      Instant updatedAt,
      Map<String, String> fields) {

    static RequestOut of(RequestDetail r) {
      return new RequestOut(
          r.getId(),
          r.getThreadId(),
          r.getType().name(),
          r.getType().category().name(),
          r.getStatus().name(),
          r.getPatient(),
          r.getPatientName(),
          r.getTeam(),
          r.getCreatedBy(),
          r.getCreatedAt(),
          r.getUpdatedAt(),
          r.getFields());
    }
  }

  @POST
  @Operation(
      summary = "Files a request",
      description =
          "type APPOINTMENT (preferredDays, preferredTimes, reason, location), PRESCRIPTION_RENEWAL"
              + " (medication, dose, pharmacy) or REFERRAL (specialty, reason, insurer). A patient"
              + " files for themselves; clinicians and staff for a patient their team cares for"
              + " (patient). team chooses among the patient's care teams (default: the first)."
              + " Every field at fault is listed in the problem's errors.")
  public Response file(NewRequestIn in) {
    if (in == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    RequestFiled filed =
        requests.file(
            new NewRequest(
                RequestType.parse(in.type()),
                in.patient(),
                in.team(),
                in.preferredDays(),
                in.preferredTimes(),
                in.reason(),
                in.location(),
                in.medication(),
                in.dose(),
                in.pharmacy(),
                in.specialty(),
                in.insurer()));
    return Response.created(uri.getBaseUriBuilder().path("requests/{id}").build(filed.id()))
        .entity(new Filed(filed.id(), filed.threadId(), filed.status().name()))
        .build();
  }

  @GET
  @Operation(
      summary = "One page of the caller's requests, newest first",
      description =
          "A patient's own; for clinicians and staff, those filed to their care teams; no fields"
              + " (read one request for them). Keyset paging: a `Link` header with rel=\"next\""
              + " carries the next page's URL while more may follow.")
  public Response list(
      @Parameter(description = "The id below which the page starts (from the previous page's Link)")
          @QueryParam("before")
          String before,
      @Parameter(description = "Requests per page, 1 to 200 (default 50)") @QueryParam("size")
          String size) {
    Long below = number("before", before, 1, Long.MAX_VALUE);
    int limit = size == null || size.isBlank() ? 50 : (int) (long) number("size", size, 1, 200);
    List<RequestOut> page = requests.list(below, limit).stream().map(RequestOut::of).toList();
    Response.ResponseBuilder ok = Response.ok(page);
    if (page.size() == limit) {
      URI next =
          uri.getRequestUriBuilder()
              .replaceQueryParam("before", page.get(page.size() - 1).id())
              .replaceQueryParam("size", limit)
              .build();
      ok.link(next, "next");
    }
    return ok.build();
  }

  private static Long number(String name, String value, long min, long max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long n = Long.parseLong(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidInputException(name, "{requests.list.number}", Map.of("min", min, "max", max));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One request with its fields (audited as REQUEST_OPENED)")
  public RequestOut open(@PathParam("id") long id) {
    return RequestOut.of(requests.open(id));
  }

  @POST
  @Path("{id}/status")
  @Operation(
      summary = "Moves a request's status, with a note the patient reads in the thread",
      description =
          "For clinicians and staff of the team the request went to. SUBMITTED → IN_REVIEW →"
              + " APPROVED or DECLINED → COMPLETED; any other step is a 409 problem.")
  public RequestOut status(@PathParam("id") long id, StatusIn in) {
    if (in == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    return RequestOut.of(requests.changeStatus(id, in.status(), in.note()));
  }
}

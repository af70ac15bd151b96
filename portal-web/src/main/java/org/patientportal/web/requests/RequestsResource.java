package org.patientportal.web.requests;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
      summary = "The caller's requests, newest first",
      description =
          "A patient's own; for clinicians and staff, those filed to their care teams. At most the"
              + " 200 newest; no fields (read one request for them).")
  public List<RequestOut> list() {
    return requests.list().stream().map(RequestOut::of).toList();
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

package org.patientportal.web.enrollment;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patientportal.enrollment.boundary.Enrollments;
import org.patientportal.enrollment.entity.Delivery;
import org.patientportal.enrollment.entity.EnrollmentAttempt;
import org.patientportal.enrollment.entity.EnrollmentKind;
import org.patientportal.enrollment.entity.EnrollmentResult;
import org.patientportal.enrollment.entity.IssuedCode;
import org.patientportal.enrollment.entity.Registration;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.UserText;
import org.patientportal.web.api.Problem;
import org.patientportal.web.api.PublicCall;

/**
 * {@code /api/v1/enrollment}: staff issue activation codes ({@code POST /codes}, {@code
 * {"kind","firstName","lastName","birthDate","email","mrn","delivery"}} → 201 {@code
 * {"code","expiresAt"}}); anyone enrolls with one ({@code POST}, {@code
 * {"code","birthDate","email"}}, no token → 201 {@code {"username"}}). Every refusal of a code
 * (unknown, expired, used, locked, or details that do not match) is the same 400 problem {@code
 * enrollment-refused}; too many refusals from an address or for an email, 429 with Retry-After.
 */
@Path("enrollment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnrollmentResource {

  /** A registration, as sent by staff. */
  public record CodeRequest(
      String kind,
      String firstName,
      String lastName,
      String birthDate,
      String email,
      String mrn,
      String delivery) {}

  /** An issued code: shown once. */
  public record CodeOut(String code, Instant expiresAt) {}

  /** An attempt to enroll, as sent. */
  public record EnrollRequest(String code, String birthDate, String email) {}

  /** The new account. */
  public record Enrolled(String username) {}

  @EJB Enrollments enrollments;

  @POST
  @Path("codes")
  @Operation(
      summary =
          "Registers a patient (or invites a caregiver, kind PROXY) and issues their activation"
              + " code (staff) → 201 {\"code\",\"expiresAt\"}")
  public Response issue(CodeRequest request) {
    if (request == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    IssuedCode issued =
        enrollments.issue(
            new Registration(
                choice(EnrollmentKind.class, "kind", request.kind()),
                request.firstName(),
                request.lastName(),
                day(request.birthDate()),
                request.email(),
                request.mrn(),
                choice(Delivery.class, "delivery", request.delivery())));
    return Response.status(Response.Status.CREATED)
        .entity(new CodeOut(issued.code(), issued.expiresAt()))
        .build();
  }

  @POST
  @PublicCall
  @Operation(
      summary =
          "Enrolls with an activation code, date of birth and email (public, no token) → 201"
              + " {\"username\"}; Keycloak emails the link that verifies the address and sets the"
              + " password. Every refusal of the code is the same 400 enrollment-refused problem")
  public Response enroll(EnrollRequest request) {
    if (request == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    if (request.code() == null || request.code().isBlank()) {
      throw new InvalidInputException("code", "{enrollment.code.required}");
    }
    EnrollmentResult result =
        enrollments.enroll(
            new EnrollmentAttempt(request.code(), day(request.birthDate()), request.email()));
    return switch (result.outcome()) {
      case ENROLLED ->
          Response.status(Response.Status.CREATED).entity(new Enrolled(result.username())).build();
      case REFUSED ->
          Problem.of(
                  Response.Status.BAD_REQUEST,
                  "enrollment-refused",
                  UserText.of("{enrollment.refused}", java.util.Map.of(), Locale.ROOT),
                  "/portal/api/v1/enrollment")
              .toResponse();
      case RATE_LIMITED ->
          Response.fromResponse(
                  Problem.of(
                          Response.Status.TOO_MANY_REQUESTS,
                          "rate-limited",
                          UserText.of("{enrollment.rateLimited}", java.util.Map.of(), Locale.ROOT),
                          "/portal/api/v1/enrollment")
                      .toResponse())
              .header(HttpHeaders.RETRY_AFTER, result.retryAfter().toSeconds())
              .build();
    };
  }

  static LocalDate day(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("birthDate", "{enrollment.birthDate.invalid}");
    }
  }

  static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "{enrollment." + field + ".invalid}");
    }
  }
}

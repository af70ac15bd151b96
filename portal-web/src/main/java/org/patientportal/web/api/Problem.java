package org.patientportal.web.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a relative URI naming the kind of problem; {@code
 * field} (an extension member) names the input field at fault, when there is one; {@code errors}
 * (another) lists every field at fault with what is wrong with it, the one {@code field} names
 * first.
 */
@JsonbNillable(false)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String field,
    List<FieldError> errors) {

  /** One field at fault and what is wrong with it. */
  public record FieldError(String field, String detail) {}

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

  public static Problem of(Response.Status status, String type, String detail, String instance) {
    return new Problem(
        "/portal/problems/" + type,
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        instance,
        null,
        null);
  }

  public Problem withField(String fieldName) {
    return new Problem(type, title, status, detail, instance, fieldName, errors);
  }

  /** The same problem listing every field at fault (none: no list). */
  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(
        type,
        title,
        status,
        detail,
        instance,
        field,
        fieldErrors == null || fieldErrors.isEmpty() ? null : List.copyOf(fieldErrors));
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(this).build();
  }
}

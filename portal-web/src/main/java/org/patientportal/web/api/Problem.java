package org.patientportal.web.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a relative URI naming the kind of problem; {@code
 * field} (an extension member) names the input field at fault, when there is one; {@code errors}
 * (another) lists every field at fault with what is wrong with it, the one {@code field} names
 * first; {@code sensitiveTopics} (another) names the sensitive topics a message was refused for.
 */
@JsonbNillable(false)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String field,
    List<FieldError> errors,
    List<String> sensitiveTopics) {

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
        null,
        null);
  }

  public Problem withField(String fieldName) {
    return new Problem(type, title, status, detail, instance, fieldName, errors, sensitiveTopics);
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
        fieldErrors == null || fieldErrors.isEmpty() ? null : List.copyOf(fieldErrors),
        sensitiveTopics);
  }

  /**
   * The same problem naming the sensitive topics at fault ({@code sensitiveTopics}, an extension
   * member): those the patient has not agreed to.
   */
  public Problem withSensitiveTopics(List<String> topics) {
    return new Problem(type, title, status, detail, instance, field, errors, List.copyOf(topics));
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(this).build();
  }
}

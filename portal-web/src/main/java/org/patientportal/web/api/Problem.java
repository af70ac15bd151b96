package org.patientportal.web.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code type} is a relative URI naming the kind of problem; {@code
 * field} (an extension member) names the input field at fault, when there is one.
 */
@JsonbNillable(false)
public record Problem(
    String type, String title, int status, String detail, String instance, String field) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

  public static Problem of(Response.Status status, String type, String detail, String instance) {
    return new Problem(
        "/portal/problems/" + type,
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        instance,
        null);
  }

  public Problem withField(String fieldName) {
    return new Problem(type, title, status, detail, instance, fieldName);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(this).build();
  }
}

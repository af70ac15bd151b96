package org.patientportal.web.api;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.consent.entity.ConsentRequiredException;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.shared.entity.ForbiddenException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;
import org.patientportal.shared.entity.UnavailableException;

/**
 * The API's one exception mapper: every failure leaves as an RFC 9457 problem. Domain refusals keep
 * their message (written for users); anything unexpected is logged with an incident id and answered
 * with that id only, never with its own text. Refusals for lack of authority are audited.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context UriInfo uriInfo;
  @Context Request request;
  @EJB AuditService audit;

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable cause = unwrap(thrown);
    String path = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
    Problem problem;
    if (cause instanceof NotFoundException e) {
      problem = Problem.of(Status.NOT_FOUND, e.type(), e.getMessage(), path);
    } else if (cause instanceof ForbiddenException e) {
      audit.recordDenied(refused(), patient());
      problem = Problem.of(Status.FORBIDDEN, e.type(), e.getMessage(), path);
    } else if (cause instanceof EJBAccessException) {
      audit.recordDenied(refused(), patient());
      problem =
          Problem.of(Status.FORBIDDEN, "forbidden", "Your role does not allow this request.", path);
    } else if (cause instanceof InvalidInputException e) {
      problem =
          Problem.of(Status.BAD_REQUEST, e.type(), e.getMessage(), path)
              .withField(e.field())
              .withErrors(
                  e.problems().stream()
                      .map(p -> new Problem.FieldError(p.field(), p.message(Locale.ROOT)))
                      .toList());
    } else if (cause instanceof ConsentRequiredException e) {
      problem =
          Problem.of(Status.CONFLICT, e.type(), e.getMessage(), path)
              .withSensitiveTopics(e.topics().stream().map(Enum::name).toList());
    } else if (cause instanceof ConflictException e) {
      problem = Problem.of(Status.CONFLICT, e.type(), e.getMessage(), path);
    } else if (cause instanceof jakarta.persistence.OptimisticLockException) {
      // two writes to one thread at the same moment (two replies): the later one rolled back whole,
      // its Idempotency-Key included, so sending it again is safe
      problem =
          Problem.of(
              Status.CONFLICT,
              "concurrent-change",
              "The conversation changed while this request was handled; send it again.",
              path);
    } else if (cause instanceof UnavailableException e) {
      problem = Problem.of(Status.SERVICE_UNAVAILABLE, e.type(), e.getMessage(), path);
    } else if (cause instanceof DomainException e) {
      problem = Problem.of(Status.BAD_REQUEST, e.type(), e.getMessage(), path);
    } else if (cause instanceof ConstraintViolationException e) {
      problem =
          Problem.of(
              Status.BAD_REQUEST,
              "invalid-input",
              e.getConstraintViolations().stream()
                  .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                  .sorted()
                  .reduce((a, b) -> a + "; " + b)
                  .orElse("The request is not valid."),
              path);
    } else if (unconvertibleParameter(cause)) {
      problem =
          Problem.of(
                  Status.BAD_REQUEST,
                  "invalid-parameter",
                  "A parameter of the request is not of the kind this call expects (such as a"
                      + " whole number from 0 to "
                      + Integer.MAX_VALUE
                      + ").",
                  path)
              .withField(parameterName(cause.getMessage()));
    } else if (unreadableBody(cause)) {
      problem =
          Problem.of(
              Status.BAD_REQUEST,
              "unreadable-body",
              "The request body is not the JSON this call expects.",
              path);
    } else if (cause instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
      Status status = Status.fromStatusCode(e.getResponse().getStatus());
      String title = status == null ? "Client error" : status.getReasonPhrase();
      problem =
          new Problem(
              "/portal/problems/http-" + e.getResponse().getStatus(),
              title,
              e.getResponse().getStatus(),
              "The request could not be served as sent: " + title + ".",
              path,
              null,
              null,
              null);
    } else {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Incident " + incident + " on " + path, thrown);
      problem =
          Problem.of(
              Status.INTERNAL_SERVER_ERROR,
              "internal-error",
              "Something went wrong on our side. Incident " + incident + " has been logged.",
              path);
    }
    Response response = problem.toResponse();
    if (cause instanceof WebApplicationException e
        && e.getResponse().getHeaders().containsKey(HttpHeaders.ALLOW)) {
      // a 405 says which methods the resource has (RFC 9110 15.5.6)
      response =
          Response.fromResponse(response)
              .header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
              .build();
    }
    return response;
  }

  /**
   * What was refused, for the audit log: the request's method, path and query as sent (such as
   * {@code POST /portal/api/v1/admin/keys/rotation}), so that an export can say which action was
   * refused.
   */
  private String refused() {
    if (uriInfo == null) {
      return null;
    }
    String query = uriInfo.getRequestUri().getRawQuery();
    String path = uriInfo.getRequestUri().getRawPath();
    String target = query == null || query.isEmpty() ? path : path + "?" + query;
    return request == null ? target : request.getMethod() + " " + target;
  }

  /** The patient the refused request names (a {@code patient} parameter), where it names one. */
  private String patient() {
    if (uriInfo == null) {
      return null;
    }
    String patient = uriInfo.getPathParameters().getFirst("patient");
    if (patient == null) {
      patient = uriInfo.getQueryParameters().getFirst("patient");
    }
    return patient == null || patient.isBlank() ? null : patient.strip();
  }

  /** RESTEasy's message for a parameter it could not convert (e.g. "x" for an int). */
  static final String UNCONVERTIBLE = "RESTEASY003870";

  private static final java.util.regex.Pattern PARAMETER =
      java.util.regex.Pattern.compile("Param\\(\"([^\"]+)\"\\)");

  /**
   * A query, path or header parameter that JAX-RS could not convert to its Java type: the client's
   * mistake (400), although JAX-RS answers a query parameter's with 404.
   */
  static boolean unconvertibleParameter(Throwable t) {
    return t instanceof WebApplicationException
        && t.getMessage() != null
        && t.getMessage().startsWith(UNCONVERTIBLE);
  }

  /** The name of the parameter RESTEasy's message names, or null. */
  static String parameterName(String message) {
    java.util.regex.Matcher m = PARAMETER.matcher(message == null ? "" : message);
    return m.find() ? m.group(1) : null;
  }

  /** A body that JSON-B could not read (malformed, or of the wrong shape). */
  private static boolean unreadableBody(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof jakarta.json.bind.JsonbException
          || c instanceof jakarta.json.stream.JsonParsingException) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable t = thrown;
    while (t instanceof EJBException
        && !(t instanceof EJBAccessException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}

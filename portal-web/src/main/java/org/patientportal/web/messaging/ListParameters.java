package org.patientportal.web.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.patientportal.messaging.entity.Box;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.RequestStatus;
import org.patientportal.messaging.entity.ThreadListQuery;
import org.patientportal.messaging.entity.ThreadStatus;
import org.patientportal.requests.entity.RequestType;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * The query parameters of the thread lists, read strictly: a value that is not one of the
 * parameter's kind is a 400 problem naming the parameter, never silently the default.
 */
final class ListParameters {

  private ListParameters() {}

  static int size(String value) {
    if (value == null || value.isBlank()) {
      return ThreadListQuery.DEFAULT_SIZE;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "size", "{messaging.list.size.invalid}", Map.of("max", ThreadListQuery.MAX_SIZE));
    }
  }

  static boolean flag(String field, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidInputException(field, "{api.parameter.boolean}");
    };
  }

  static ThreadStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ThreadStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("status", "{messaging.list.status.invalid}");
    }
  }

  /**
   * A request type as a thread category ("APPOINTMENT", "PRESCRIPTION" or "PRESCRIPTION_RENEWAL",
   * "REFERRAL"), or null for any.
   */
  static Category requestType(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return RequestType.parse(value).category();
    } catch (InvalidInputException e) {
      throw new InvalidInputException("requestType", "{messaging.list.requestType.invalid}");
    }
  }

  /** A request status, or null for any. */
  static RequestStatus requestStatus(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return RequestStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("requestStatus", "{messaging.list.requestStatus.invalid}");
    }
  }

  static boolean oldestFirst(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "newest" -> false;
      case "oldest" -> true;
      default -> throw new InvalidInputException("order", "{messaging.list.order.invalid}");
    };
  }

  static Box box(String value) {
    return Box.parse("box", value);
  }

  static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "{messaging.list.time.format}");
    }
  }
}

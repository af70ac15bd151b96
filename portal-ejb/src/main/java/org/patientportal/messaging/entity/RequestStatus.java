package org.patientportal.messaging.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * Where a request (an appointment, a prescription renewal, a referral authorization) stands; kept
 * on its thread so that lists show it without a join. A request is submitted, then reviewed, then
 * approved or declined, then completed: {@link #next()} says which steps are legal from each.
 */
public enum RequestStatus {
  SUBMITTED,
  IN_REVIEW,
  APPROVED,
  DECLINED,
  COMPLETED;

  /** The statuses a request may move to from this one (none: it is finished). */
  public Set<RequestStatus> next() {
    return switch (this) {
      case SUBMITTED -> EnumSet.of(IN_REVIEW);
      case IN_REVIEW -> EnumSet.of(APPROVED, DECLINED);
      case APPROVED, DECLINED -> EnumSet.of(COMPLETED);
      case COMPLETED -> EnumSet.noneOf(RequestStatus.class);
    };
  }

  public boolean canBecome(RequestStatus status) {
    return next().contains(status);
  }

  /** The status a client named; a refusal naming the field "status" for anything else. */
  public static RequestStatus parse(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("status", "{requests.status.required}");
    }
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "status",
          "{requests.status.unknown}",
          Map.of(
              "statuses",
              Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
  }
}

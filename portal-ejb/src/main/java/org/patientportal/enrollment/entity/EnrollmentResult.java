package org.patientportal.enrollment.entity;

import java.time.Duration;

/**
 * How an attempt to enroll ended. A refusal does not say why (wrong, expired, used or locked code,
 * or details that do not match): the caller learns only that it was refused, or that it must wait.
 *
 * @param username the new account's username when enrolled
 * @param retryAfter how long to wait when rate-limited
 */
public record EnrollmentResult(Outcome outcome, String username, Duration retryAfter) {

  public enum Outcome {
    ENROLLED,
    REFUSED,
    RATE_LIMITED
  }

  public static EnrollmentResult enrolled(String username) {
    return new EnrollmentResult(Outcome.ENROLLED, username, null);
  }

  public static EnrollmentResult refused() {
    return new EnrollmentResult(Outcome.REFUSED, null, null);
  }

  public static EnrollmentResult rateLimited(Duration retryAfter) {
    return new EnrollmentResult(Outcome.RATE_LIMITED, null, retryAfter);
  }
}

package org.patientportal.enrollment.entity;

import java.time.Instant;

/** A code as issued: the only moment the portal holds it in clear for the staff member. */
public record IssuedCode(long id, String code, Instant expiresAt, EnrollmentCode registration) {}

package org.patientportal.enrollment.entity;

import java.time.LocalDate;

/** A person's attempt to enroll, as sent from the public page or the API. */
public record EnrollmentAttempt(String code, LocalDate birthDate, String email) {}

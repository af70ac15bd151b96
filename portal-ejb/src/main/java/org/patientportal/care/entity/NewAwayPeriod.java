package org.patientportal.care.entity;

import java.time.LocalDate;

/**
 * What a clinician asks for when they record an away period: the days (both inclusive), why, and
 * who covers. Any of them may be missing; the boundary names the field at fault.
 */
public record NewAwayPeriod(LocalDate from, LocalDate to, AwayKind kind, String cover) {}

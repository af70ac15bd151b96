package org.patientportal.enrollment.entity;

import java.time.LocalDate;

/**
 * What a staff member records to register a patient or invite a caregiver, as sent; the boundary
 * checks it and names the field at fault.
 *
 * @param kind PATIENT (default) or PROXY
 * @param mrn the patient's medical record number (patients only)
 * @param delivery PRINT (default) or EMAIL
 */
public record Registration(
    EnrollmentKind kind,
    String firstName,
    String lastName,
    LocalDate birthDate,
    String email,
    String mrn,
    Delivery delivery) {}

/**
 * Enrollment: staff register a patient (or invite a caregiver) and issue an activation code, to
 * print or to email; the person enrolls on a public page with the code, their date of birth and
 * email, which creates their Keycloak account (through the admin API, as the realm's {@code
 * portal-enrollment} service account) and links it to the portal's record of them. Codes are kept
 * only as hashes, used once, expire, lock after wrong attempts, and every attempt is audited and
 * rate-limited per client address and per email.
 */
package org.patientportal.enrollment;

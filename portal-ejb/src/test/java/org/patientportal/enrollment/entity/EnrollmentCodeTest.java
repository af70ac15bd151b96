package org.patientportal.enrollment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EnrollmentCodeTest {

  static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");
  static final LocalDate BIRTH = LocalDate.of(1961, 4, 23);

  static EnrollmentCode code(EnrollmentKind kind, String mrn) {
    return new EnrollmentCode(
        "hash",
        kind,
        "Inés",
        "Núñez",
        BIRTH,
        " Ines@Portal.TEST ",
        mrn,
        "nurse.lee",
        ISSUED,
        ISSUED.plus(Duration.ofDays(14)),
        Delivery.PRINT);
  }

  @Test
  void itMatchesTheBirthDateAndTheEmailWhateverItsCase() {
    EnrollmentCode code = code(EnrollmentKind.PATIENT, "MRN-1");
    assertTrue(code.matches(BIRTH, "INES@portal.test"));
    assertFalse(code.matches(BIRTH.plusDays(1), "ines@portal.test"));
    assertFalse(code.matches(BIRTH, "other@portal.test"));
  }

  @Test
  void itExpiresAtItsEnd() {
    EnrollmentCode code = code(EnrollmentKind.PATIENT, "MRN-1");
    assertNull(code.unusableAt(ISSUED.plus(Duration.ofDays(14)).minusSeconds(1)));
    assertEquals(
        EnrollmentCode.Unusable.EXPIRED, code.unusableAt(ISSUED.plus(Duration.ofDays(14))));
  }

  @Test
  void theFifthWrongTryLocksIt() {
    EnrollmentCode code = code(EnrollmentKind.PATIENT, "MRN-1");
    for (int i = 1; i < EnrollmentCode.MAX_ATTEMPTS; i++) {
      assertFalse(code.failedAttempt(ISSUED));
      assertNull(code.unusableAt(ISSUED));
    }
    assertTrue(code.failedAttempt(ISSUED));
    assertEquals(EnrollmentCode.Unusable.LOCKED, code.unusableAt(ISSUED));
  }

  @Test
  void itIsUsedOnce() {
    EnrollmentCode code = code(EnrollmentKind.PROXY, null);
    code.used("ines@portal.test", ISSUED);
    assertEquals(EnrollmentCode.Unusable.USED, code.unusableAt(ISSUED));
    assertThrows(IllegalStateException.class, () -> code.used("x", ISSUED));
  }

  @Test
  void aPatientsCodeNeedsARecordNumberAndACaregiversHasNone() {
    assertThrows(IllegalArgumentException.class, () -> code(EnrollmentKind.PATIENT, " "));
    assertNull(code(EnrollmentKind.PROXY, "MRN-1").getMrn());
  }
}

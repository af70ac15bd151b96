package org.patientportal.requests.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.patientportal.crypto.entity.Sealed;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.RequestStatus;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.InvalidInputException;

/** Each type needs its own fields, and a request moves only along the legal steps. */
class NewRequestTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void eachTypeNeedsItsFieldsAndIgnoresTheOthers() {
    assertEquals(
        Set.of("preferredDays", "preferredTimes", "reason", "location"),
        missing(request(RequestType.APPOINTMENT, null, null, null)));
    assertEquals(
        Set.of("medication", "dose", "pharmacy"),
        missing(request(RequestType.PRESCRIPTION_RENEWAL, null, null, null)));
    assertEquals(
        Set.of("specialty", "reason", "insurer"),
        missing(request(RequestType.REFERRAL, null, null, null)));
    NewRequest renewal =
        request(RequestType.PRESCRIPTION_RENEWAL, "Letrozole", "2.5 mg", "Main St");
    assertEquals(Set.of(), missing(renewal));
    assertEquals(
        Map.of("medication", "Letrozole", "dose", "2.5 mg", "pharmacy", "Main St"),
        renewal.fields());
  }

  @Test
  void typesAreParsedWithTheirCategories() {
    assertEquals(RequestType.PRESCRIPTION_RENEWAL, RequestType.parse("prescription"));
    assertEquals(Category.REFERRAL, RequestType.parse("REFERRAL").category());
    assertEquals(
        "type",
        assertThrows(InvalidInputException.class, () -> RequestType.parse("HOUSE_CALL")).field());
  }

  @Test
  void aRequestRefusesAnIllegalStep() {
    CareRequest r =
        new CareRequest(
            1,
            2,
            "pat.jones",
            "breast-oncology",
            RequestType.REFERRAL,
            "pat.jones",
            Instant.EPOCH,
            new Sealed(new byte[1], new byte[12], new byte[40], 1));
    assertThrows(ConflictException.class, () -> r.moveTo(RequestStatus.APPROVED, Instant.EPOCH));
    r.moveTo(RequestStatus.IN_REVIEW, Instant.EPOCH.plusSeconds(1));
    assertEquals(RequestStatus.IN_REVIEW, r.getStatus());
    assertEquals(Instant.EPOCH.plusSeconds(1), r.getUpdatedAt());
  }

  private static NewRequest request(RequestType type, String a, String b, String c) {
    return switch (type) {
      case APPOINTMENT ->
          new NewRequest(type, null, null, a, b, c, null, null, null, null, null, null);
      case PRESCRIPTION_RENEWAL ->
          new NewRequest(type, null, null, "ignored", null, null, null, a, b, c, null, null);
      case REFERRAL ->
          new NewRequest(type, null, null, null, null, b, null, null, null, null, a, c);
    };
  }

  private static Set<String> missing(NewRequest r) {
    Set<ConstraintViolation<NewRequest>> violations =
        VALIDATOR.validate(r, Default.class, r.type().group());
    Set<String> fields = new TreeSet<>();
    violations.forEach(v -> fields.add(v.getPropertyPath().toString()));
    return fields;
  }
}

package org.patientportal.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patientportal.shared.entity.InvalidInputException;

/** The legal steps of a request, as one table. */
class RequestStatusTest {

  private static final Map<RequestStatus, Set<RequestStatus>> LEGAL =
      Map.of(
          RequestStatus.SUBMITTED, EnumSet.of(RequestStatus.IN_REVIEW),
          RequestStatus.IN_REVIEW, EnumSet.of(RequestStatus.APPROVED, RequestStatus.DECLINED),
          RequestStatus.APPROVED, EnumSet.of(RequestStatus.COMPLETED),
          RequestStatus.DECLINED, EnumSet.of(RequestStatus.COMPLETED),
          RequestStatus.COMPLETED, EnumSet.noneOf(RequestStatus.class));

  @Test
  void everyStepIsLegalExactlyAsTheTableSays() {
    for (RequestStatus from : RequestStatus.values()) {
      for (RequestStatus to : RequestStatus.values()) {
        assertEquals(LEGAL.get(from).contains(to), from.canBecome(to), from + " -> " + to);
      }
    }
  }

  @Test
  void aStatusIsParsedOrRefusedNamingTheField() {
    assertEquals(RequestStatus.IN_REVIEW, RequestStatus.parse(" in_review "));
    assertEquals(
        "status",
        assertThrows(InvalidInputException.class, () -> RequestStatus.parse("MAYBE")).field());
    assertEquals(
        "status",
        assertThrows(InvalidInputException.class, () -> RequestStatus.parse(" ")).field());
  }
}

package org.patientportal.web.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.patientportal.care.entity.AwayKind;
import org.patientportal.shared.entity.InvalidInputException;

/** The days and kinds of an away period as the API reads them: a bad one names its field. */
class AwayResourceTest {

  @Test
  void daysAreIsoDatesAndABadOneNamesItsField() {
    assertEquals(LocalDate.of(2026, 12, 24), AwayResource.day("from", " 2026-12-24 "));
    assertNull(AwayResource.day("to", ""));
    assertNull(AwayResource.day("to", null));
    assertEquals(
        "from",
        assertThrows(InvalidInputException.class, () -> AwayResource.day("from", "24/12/2026"))
            .field());
    assertEquals(
        "to",
        assertThrows(InvalidInputException.class, () -> AwayResource.day("to", "2026-02-30"))
            .field());
  }

  @Test
  void kindsAreReadInAnyCase() {
    assertEquals(AwayKind.ILLNESS, AwayResource.kind("illness"));
    assertNull(AwayResource.kind(" "));
    assertEquals(
        "kind",
        assertThrows(InvalidInputException.class, () -> AwayResource.kind("HOLIDAY")).field());
  }
}

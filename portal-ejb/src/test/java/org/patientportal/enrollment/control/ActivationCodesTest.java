package org.patientportal.enrollment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivationCodesTest {

  @Test
  void codesAreTwelveReadableCharactersInGroupsOfFour() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = ActivationCodes.generate();
      assertTrue(
          code.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), code);
      seen.add(code);
    }
    assertEquals(1000, seen.size(), "no repeats in a thousand");
  }

  @Test
  void aCodeAsTypedReadsAsItsNormalForm() {
    assertEquals("7KQ2M9XD4HTR", ActivationCodes.normal("7kq2-m9xd-4htr"));
    assertEquals("7KQ2M9XD4HTR", ActivationCodes.normal(" 7KQ2 M9XD 4HTR "));
    // letters people mistake for digits
    assertEquals("0110AAAAAAAA", ActivationCodes.normal("OIL0-AAAA-AAAA"));
    assertNull(ActivationCodes.normal("7KQ2-M9XD-4HT"), "too short");
    assertNull(ActivationCodes.normal("7KQ2-M9XD-4HTU"), "U is not in the alphabet");
    assertNull(ActivationCodes.normal("7KQ2-M9XD-4HT😀"));
    assertNull(ActivationCodes.normal(null));
  }

  @Test
  void theHashIsOfTheNormalForm() {
    String code = ActivationCodes.generate();
    assertEquals(
        ActivationCodes.hash(ActivationCodes.normal(code)),
        ActivationCodes.hash(ActivationCodes.normal(code.toLowerCase().replace("-", " "))));
    assertNotEquals(
        ActivationCodes.normal(code), ActivationCodes.hash(ActivationCodes.normal(code)));
    assertEquals(64, ActivationCodes.hash("X").length());
  }
}

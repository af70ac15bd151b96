package org.patientportal.shared.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Refusals read in the user's language, their arguments filled in and never looked up again. */
class UserTextTest {

  private static final Locale SPANISH = Locale.forLanguageTag("es");

  @Test
  void aKeyReadsInEachLanguageWithItsArguments() {
    InvalidInputException e =
        new InvalidInputException(
            "attachments", "{messaging.attachment.empty}", Map.of("name", "{care.to.required}"));
    assertEquals("The file \"{care.to.required}\" is empty.", e.getMessage());
    assertEquals("The file \"{care.to.required}\" is empty.", e.message(Locale.ENGLISH));
    assertEquals("El archivo \"{care.to.required}\" está vacío.", e.message(SPANISH));
    assertEquals(
        "The file \"{care.to.required}\" is empty.", e.message(Locale.forLanguageTag("fr")));
  }

  @Test
  void plainTextAndUnknownKeysPassUnchanged() {
    assertEquals("Plain {x} text.", new ForbiddenException("Plain {x} text.").message(SPANISH));
    assertEquals("{no.such.key}", UserText.of("{no.such.key}", Map.of(), SPANISH));
    assertEquals("unclosed {brace", UserText.of("unclosed {brace", Map.of(), SPANISH));
  }
}

package org.patientportal.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patientportal.shared.entity.InvalidInputException;

/** The commands' constraints: each bad input names its field and reads in English and Spanish. */
class CommandsTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();
  private static final Locale SPANISH = Locale.forLanguageTag("es");

  private static StartThread draft(Category category, String subject, String body) {
    return StartThread.toCareTeam("dr.smith", category, subject, body, false, List.of());
  }

  static Stream<Arguments> badDrafts() {
    return Stream.of(
        Arguments.of(draft(null, "s", "b"), "category", "Choose a category", "Elija una categoría"),
        Arguments.of(draft(Category.GENERAL, "  ", "b"), "subject", "Write a subject", "asunto"),
        Arguments.of(
            draft(Category.GENERAL, "s".repeat(151), "b"), "subject", "at most 150", "150"),
        Arguments.of(
            draft(Category.GENERAL, "one\ntwo", "b"), "subject", "one line", "una sola línea"),
        Arguments.of(draft(Category.GENERAL, "s", null), "body", "Write a message", "mensaje"),
        Arguments.of(
            draft(Category.GENERAL, "s", "x".repeat(20_001)), "body", "at most 20000", "20000"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("badDrafts")
  void badInputNamesItsFieldInBothLanguages(
      StartThread draft, String field, String english, String spanish) {
    InvalidInputException refusal =
        InvalidInputException.of(VALIDATOR.validate(draft), List.of("to", "category"));
    assertEquals(field, refusal.field());
    assertContains(english, refusal.getMessage());
    assertContains(english, refusal.message(Locale.ENGLISH));
    assertContains(spanish, refusal.message(SPANISH));
  }

  @Test
  void aGoodDraftIsValidAndStripped() {
    StartThread draft = draft(Category.GENERAL, "  Medicación ’s  ", "\n Hola \n");
    assertEquals(0, VALIDATOR.validate(draft).size());
    assertEquals("Medicación ’s", draft.subject());
    assertEquals("Hola", draft.body());
  }

  @Test
  void aReplyNeedsABody() {
    InvalidInputException refusal =
        InvalidInputException.of(
            VALIDATOR.validate(new Reply(1, " ", false, null)), List.of("body"));
    assertEquals("body", refusal.field());
    assertContains("Escriba un mensaje", refusal.message(SPANISH));
  }

  private static void assertContains(String expected, String actual) {
    if (!actual.contains(expected)) {
      throw new AssertionError("expected \"" + expected + "\" in \"" + actual + "\"");
    }
  }
}

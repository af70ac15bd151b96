package org.patientportal.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patientportal.consent.entity.SensitiveTopic;

/** Flag suggestions from English and Spanish keywords: whole words, case and accents ignored. */
class TopicKeywordsTest {

  @ParameterizedTest(name = "\"{0}\" suggests {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Your HIV test came back | HIV",
        "Su prueba de VIH salió bien | HIV",
        "We discussed your alcohol intake | SUBSTANCE_USE",
        "Hablamos de la ADICCIÓN y la cocaína | SUBSTANCE_USE",
        "Chlamydia results are in | STD",
        "Resultados de SÍFILIS | STD",
        "After the sexual   assault you reported | SEXUAL_ASSAULT",
        "Lo de la violación que nos contó | SEXUAL_ASSAULT",
        "Follow-up after the abortion | ABORTION",
        "Control tras el aborto | ABORTION",
        "About the domestic violence shelter | DOMESTIC_VIOLENCE",
        "Recursos sobre violencia doméstica | DOMESTIC_VIOLENCE",
        "Your psychotherapy session notes | PSYCHOTHERAPY",
        "La PSICOTERAPIA del martes | PSYCHOTHERAPY",
        "La psicoterapía del martes | PSYCHOTHERAPY",
        "Su psicóloga llamó | PSYCHOTHERAPY",
      })
  void suggests(String text, SensitiveTopic topic) {
    assertEquals(Set.of(topic), TopicKeywords.suggest(text), text);
  }

  @Test
  void severalTopicsInOneText() {
    assertEquals(
        EnumSet.of(SensitiveTopic.HIV, SensitiveTopic.PSYCHOTHERAPY),
        TopicKeywords.suggest(
            "HIV-positive, and a psychiatrist 🩺 appointment / cita con psiquiatra"));
  }

  @ParameterizedTest(name = "\"{0}\" suggests nothing")
  @CsvSource(
      delimiter = '|',
      value = {
        "The archive of your appointments",
        "Its results are normal and I've seen them",
        "Your prescription is ready for pickup",
        "Su receta está lista",
        "The therapist will call about your shoulder",
        "مرحبا، موعدك غدا",
      })
  void wholeWordsOnly(String text) {
    assertTrue(TopicKeywords.suggest(text).isEmpty(), text);
  }

  @Test
  void nothingForNoText() {
    assertTrue(TopicKeywords.suggest(null).isEmpty());
    assertTrue(TopicKeywords.suggest("   ").isEmpty());
  }

  @Test
  void everyTopicHasKeywordsInBothLanguages() {
    for (SensitiveTopic t : SensitiveTopic.values()) {
      assertTrue(TopicKeywords.keywords(t).size() >= 4, t.name());
    }
  }
}

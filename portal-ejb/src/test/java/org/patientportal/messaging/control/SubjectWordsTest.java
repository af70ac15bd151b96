package org.patientportal.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectWordsTest {

  private static List<String> words(String text) {
    return List.copyOf(SubjectWords.of(text));
  }

  @Test
  void spanishAccentsAndCaseAreIgnored() {
    assertEquals(words("medicacion"), words("Medicación"));
    assertEquals(
        List.of("renovacion", "medicacion", "urgente"),
        words("Renovación de MEDICACIÓN, ¡urgente!"));
    assertEquals(words("pequeno nino"), words("pequeño NIÑO"));
    assertEquals(words("pinguino"), words("pingüino"));
  }

  @Test
  void shortWordsAndRepeatsAreDropped() {
    assertEquals(List.of("cita", "para", "scan"), words("Cita de la CITA para el scan"));
    assertTrue(words("a de el y la").isEmpty());
    assertTrue(words(null).isEmpty());
    assertTrue(words("").isEmpty());
  }

  @Test
  void emojiAndPunctuationSeparateWords() {
    assertEquals(List.of("dolor", "cabeza"), words("dolor😷cabeza 🤕🤕"));
    assertEquals(List.of("follow", "scan", "results"), words("follow-up: scan/results..."));
    assertTrue(words("😷🤕👍🏽").isEmpty());
  }

  @Test
  void rightToLeftScriptsAreWordsTooWithoutVowelPoints() {
    // Arabic "medicine" with and without harakat; Hebrew "appointment" with and without niqqud
    assertEquals(words("دواء"), words("دَوَاء"));
    assertEquals(List.of("دواء"), words("دَوَاء!"));
    assertEquals(words("תור"), words("תּוֹר"));
    // right-to-left marks separate words; the hamza decomposes to a mark and is dropped too
    assertEquals(List.of("results", "نتايج"), words("results \u200fنتائج\u200f"));
    assertEquals(words("نتايج"), words("نتائج"));
  }

  @Test
  void compatibilityFormsAndOtherCasesFold() {
    assertEquals(words("file"), words("ﬁle")); // the ligature fi
    assertEquals(words("istanbul"), words("İSTANBUL"));
    assertEquals(words("strasse"), words("STRASSE"));
    assertEquals(words("123"), words("１２３")); // full-width digits
  }

  @Test
  void aSubjectKeepsAtMostItsLimitOfWords() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      many.append("word").append(i).append(' ');
    }
    Set<String> kept = SubjectWords.of(many.toString());
    assertEquals(SubjectWords.MAX_WORDS, kept.size());
  }
}

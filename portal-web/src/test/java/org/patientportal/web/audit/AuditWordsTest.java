package org.patientportal.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;

/** The auditor's console says what an entry was about in words, in English and Spanish. */
class AuditWordsTest {

  private static Properties bundle(String language) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        AuditWordsTest.class.getResourceAsStream(
            "/org/patientportal/web/i18n/messages_" + language + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static String what(String resource, Properties words) {
    return AuditWords.what(resource, words::getProperty, i -> "<" + i + ">");
  }

  @Test
  void everyActionAndOutcomeHasItsWordsInEveryLanguage() throws IOException {
    for (String language : new String[] {"en", "es"}) {
      Properties words = bundle(language);
      for (AuditAction action : AuditAction.values()) {
        assertTrue(
            words.containsKey("audit.action." + action), language + ": audit.action." + action);
      }
      for (AuditOutcome outcome : AuditOutcome.values()) {
        assertTrue(words.containsKey("audit.outcome." + outcome), language + ": " + outcome);
      }
    }
  }

  @Test
  void aSearchWithoutCriteriaSaysAllEntriesNotNulls() throws IOException {
    String search = "patient=null actor=null action=null outcome=null from=null to=null page=0";
    assertEquals("all entries; page: 1", what(search, bundle("en")));
    assertEquals("todas las entradas; página: 1", what(search, bundle("es")));
  }

  @Test
  void givenCriteriaAreNamedAndTranslated() throws IOException {
    String search =
        "patient=pat.jones actor=null action=MESSAGE_OPENED outcome=DENIED"
            + " from=2026-11-25T13:00:00Z to=null before=40 format=csv entries=3";
    assertEquals(
        "paciente: pat.jones; acción: Abrió un mensaje; resultado: Denegado; desde:"
            + " <2026-11-25T13:00:00Z>; formato: csv; entradas: 3; antes de la entrada: 40",
        what(search, bundle("es")));
    assertEquals(
        "activity – from: 2026-11-01; to: 2026-11-30",
        what("activity from=2026-11-01 to=2026-11-30", bundle("en")));
    assertEquals("message/6", what("message/6", bundle("en")));
    assertEquals("", what(null, bundle("en")));
    assertEquals(
        Instant.parse("2026-11-25T13:00:00Z").toString(),
        AuditWords.what("from=2026-11-25T13:00:00Z", k -> null, Instant::toString)
            .substring("from: ".length()));
  }
}

package org.patientportal.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patientportal.identity.entity.PortalUser;
import org.patientportal.mail.entity.EmailTemplate;

class EmailTemplatesTest {

  private static final String INBOX = "https://portal.hospital.test/messages/inbox.xhtml";

  private final EmailTemplates templates = new EmailTemplates("https://portal.hospital.test/");

  @Test
  void theNewMessageEmailInEnglish() {
    Email email = templates.compose(EmailTemplate.NEW_SECURE_MESSAGE, "en");
    assertEquals("en", email.language());
    assertEquals("New secure message in your patient portal", email.subject());
    assertTrue(email.text().startsWith("Hello,\n\n"), "a greeting without a name");
    assertTrue(
        email
            .text()
            .contains("You have a new secure message. Sign in to read it:\n" + INBOX + "\n"),
        email.text());
    assertTrue(email.text().contains("never puts the content of your messages in email"));
    assertTrue(email.text().contains("If your matter is urgent"));
    assertTrue(email.text().contains("call your care team"));
  }

  @Test
  void theNewMessageEmailInSpanish() {
    Email email = templates.compose(EmailTemplate.NEW_SECURE_MESSAGE, "es");
    assertEquals("es", email.language());
    assertEquals("Nuevo mensaje seguro en su portal del paciente", email.subject());
    assertTrue(email.text().startsWith("Hola:\n\n"), "a greeting without a name");
    assertTrue(email.text().contains("Inicie sesión para leerlo:\n" + INBOX + "\n"), email.text());
    assertTrue(email.text().contains("nunca incluye el contenido de sus mensajes"));
    assertTrue(email.text().contains("llame por teléfono"), "read as UTF-8");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"fr", "de-CH", "ES"})
  void aLanguageThePortalDoesNotSpeakGetsEnglish(String language) {
    Email email = templates.compose(EmailTemplate.NEW_SECURE_MESSAGE, language);
    assertEquals("en", email.language());
    assertEquals("New secure message in your patient portal", email.subject());
  }

  @Test
  void everyTemplateIsCompleteInEveryLanguageOfThePortal() {
    for (EmailTemplate template : EmailTemplate.values()) {
      for (String language : PortalUser.LANGUAGES) {
        Email email = templates.compose(template, language);
        String where = template + " in " + language;
        assertEquals(language, email.language(), where);
        assertFalse(email.subject().isBlank(), where);
        if (template.secrets().isEmpty()) {
          assertTrue(email.text().contains(INBOX), where + " links to the inbox");
        } else {
          // an invitation: to the enrollment page, with the values filled in at send time
          assertTrue(email.text().contains("/enroll.xhtml"), where + " links to enrollment");
          for (String secret : template.secrets()) {
            assertTrue(email.text().contains("{" + secret + "}"), where + " has {" + secret + "}");
          }
          email =
              templates.fill(
                  email,
                  template.secrets().stream()
                      .collect(java.util.stream.Collectors.toMap(s -> s, s -> "7KQ2-M9XD-4HTR")));
          assertTrue(email.text().contains("7KQ2-M9XD-4HTR"), where);
        }
        for (String text : new String[] {email.subject(), email.text()}) {
          assertFalse(text.contains("{") || text.contains("}"), where + ": a placeholder is left");
          assertFalse(text.contains("\\"), where + ": an escape is left");
        }
        assertFalse(email.subject().contains("\n"), where + ": a subject is one line");
      }
    }
  }

  @Test
  void everyLanguageFileHasTheSameTextsAsTheEnglishOne() throws IOException {
    Properties english = load("emails.properties");
    for (String language : PortalUser.LANGUAGES) {
      if (!language.equals("en")) {
        assertEquals(
            english.keySet(), load("emails_" + language + ".properties").keySet(), language);
      }
    }
  }

  @Test
  void theLinkIsTheSameWhateverTheBaseEndsWith() {
    for (String base : new String[] {"https://p.test/portal", "https://p.test/portal//", " x "}) {
      String expected = base.strip().replaceAll("/+$", "") + "/messages/inbox.xhtml";
      assertTrue(
          new EmailTemplates(base)
              .compose(EmailTemplate.NEW_SECURE_MESSAGE, "en")
              .text()
              .contains("\n" + expected + "\n"),
          base);
    }
  }

  private static Properties load(String file) throws IOException {
    try (InputStream in = EmailTemplatesTest.class.getResourceAsStream(file)) {
      assertNotNull(in, file + " is missing");
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    }
  }
}

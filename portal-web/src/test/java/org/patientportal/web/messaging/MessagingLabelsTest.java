package org.patientportal.web.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** How long ago, and how big, in English and Spanish, from the views' bundles. */
class MessagingLabelsTest {

  private static final ResourceBundle EN =
      ResourceBundle.getBundle("org.patientportal.web.i18n.messages", Locale.ENGLISH);
  private static final ResourceBundle ES =
      ResourceBundle.getBundle("org.patientportal.web.i18n.messages", Locale.forLanguageTag("es"));

  @Test
  void agesAreMinutesThenHoursThenDays() {
    assertEquals("just now", MessagingLabels.age(Duration.ofSeconds(20), EN, Locale.ENGLISH));
    assertEquals("1 minute ago", MessagingLabels.age(Duration.ofSeconds(61), EN, Locale.ENGLISH));
    assertEquals("59 minutes ago", MessagingLabels.age(Duration.ofMinutes(59), EN, Locale.ENGLISH));
    assertEquals("1 hour ago", MessagingLabels.age(Duration.ofMinutes(60), EN, Locale.ENGLISH));
    assertEquals("47 hours ago", MessagingLabels.age(Duration.ofHours(47), EN, Locale.ENGLISH));
    assertEquals("2 days ago", MessagingLabels.age(Duration.ofHours(48), EN, Locale.ENGLISH));
    assertEquals(
        "hace 3 días", MessagingLabels.age(Duration.ofDays(3), ES, Locale.forLanguageTag("es")));
  }

  @Test
  void aClockAheadOfTheServerIsJustNow() {
    assertEquals("just now", MessagingLabels.age(Duration.ofMinutes(-5), EN, Locale.ENGLISH));
  }

  @Test
  void sizesAreWholeKilobytesThenMegabytes() {
    assertEquals("1 KB", MessagingLabels.size(1, Locale.ENGLISH));
    assertEquals("2 KB", MessagingLabels.size(1025, Locale.ENGLISH));
    assertEquals("1,024 KB", MessagingLabels.size(1024 * 1024 - 1, Locale.ENGLISH));
    assertEquals("1.5 MB", MessagingLabels.size(1024 * 1024 * 3 / 2, Locale.ENGLISH));
    assertEquals("1,5 MB", MessagingLabels.size(1024 * 1024 * 3 / 2, Locale.forLanguageTag("es")));
  }

  @Test
  void everyCategoryAndStatusHasALabelInBothLanguages() {
    for (ResourceBundle bundle : new ResourceBundle[] {EN, ES}) {
      for (var category : org.patientportal.messaging.entity.Category.values()) {
        bundle.getString("category." + category.name());
      }
      for (var status : org.patientportal.messaging.entity.ThreadStatus.values()) {
        bundle.getString("status." + status.name());
      }
    }
    assertEquals("Cita", ES.getString("category.APPOINTMENT"));
  }
}

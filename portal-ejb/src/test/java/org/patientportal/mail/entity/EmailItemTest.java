package org.patientportal.mail.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailItemTest {

  private static final EmailItem ITEM =
      new EmailItem(
          "message/42/pat.jones", "pat.jones@portal.test", "es", EmailTemplate.NEW_SECURE_MESSAGE);

  @Test
  void travelsAsAMapOfStringsAndComesBackEqual() {
    Map<String, Object> map = ITEM.toMap();
    assertTrue(map.values().stream().allMatch(String.class::isInstance), map.toString());
    assertEquals(
        Map.of(
            "idempotencyKey", "message/42/pat.jones",
            "recipient", "pat.jones@portal.test",
            "language", "es",
            "template", "NEW_SECURE_MESSAGE"),
        map);
    assertEquals(ITEM, EmailItem.fromMap(map));
  }

  @Test
  void travelsAsJsonTextAndComesBackEqualWhateverTheCharacters() {
    EmailItem item =
        new EmailItem(
            "message/7/to/josé.núñez\"}{😀",
            "josé.núñez@portal.test",
            "es",
            EmailTemplate.NEW_SECURE_MESSAGE);

    String json = item.toJson();

    assertEquals(item, EmailItem.fromJson(json));
    assertEquals(ITEM, EmailItem.fromJson(ITEM.toJson()));
    assertTrue(json.startsWith("{") && json.contains("\"template\":\"NEW_SECURE_MESSAGE\""), json);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{}",
        "{\"idempotencyKey\":\"k\",\"recipient\":\"a@b.c\",\"template\":7}",
        "{\"idempotencyKey\":\"k\",\"recipient\":\"a@b.c\",\"template\":\"NO_SUCH\"}"
      })
  void refusesJsonThatIsNoEmailItem(String json) {
    assertThrows(IllegalArgumentException.class, () -> EmailItem.fromJson(json));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void aRecipientWhoChoseNoLanguageGetsEnglish(String language) {
    EmailItem item =
        new EmailItem("k", "pat.jones@portal.test", language, EmailTemplate.NEW_SECURE_MESSAGE);
    assertEquals(EmailItem.DEFAULT_LANGUAGE, item.language());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void refusesAMissingKey(String key) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new EmailItem(key, "pat.jones@portal.test", "en", EmailTemplate.NEW_SECURE_MESSAGE));
  }

  @Test
  void refusesAKeyLongerThanItsColumn() {
    String key = "k".repeat(EmailItem.MAX_KEY + 1);
    assertThrows(IllegalArgumentException.class, () -> EmailItem.checkKey(key));
    assertEquals("k".repeat(EmailItem.MAX_KEY), EmailItem.checkKey("k".repeat(EmailItem.MAX_KEY)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void refusesAMissingRecipient(String recipient) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new EmailItem("k", recipient, "en", EmailTemplate.NEW_SECURE_MESSAGE));
  }

  @Test
  void refusesAMissingTemplate() {
    assertThrows(NullPointerException.class, () -> new EmailItem("k", "a@portal.test", "en", null));
  }

  @Test
  void refusesAMapThatIsNotAnItem() {
    assertThrows(IllegalArgumentException.class, () -> EmailItem.fromMap(Map.of("a", "b")));
    Map<String, Object> unknown = new HashMap<>(ITEM.toMap());
    unknown.put("template", "PASSWORD_RESET");
    assertThrows(IllegalArgumentException.class, () -> EmailItem.fromMap(unknown));
  }

  @Test
  void theMessageIdFollowsFromTheKeyWithoutShowingIt() {
    String id = EmailItem.messageId("message/42/pat.jones", "portal.test");
    assertEquals(id, EmailItem.messageId("message/42/pat.jones", "portal.test"));
    assertNotEquals(id, EmailItem.messageId("message/43/pat.jones", "portal.test"));
    assertTrue(id.matches("<[0-9a-f]{32}\\.portal@portal\\.test>"), id);
    assertFalse(id.contains("pat.jones"));
  }

  @Test
  void aTemplateNamesItsTexts() {
    assertEquals("new-secure-message", EmailTemplate.NEW_SECURE_MESSAGE.textKey());
  }
}

package org.patientportal.mail.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.patientportal.shared.entity.Jsonp;

/**
 * One email to send, as it waits on the EmailQueue: which template, to which address, in which
 * language, and the idempotency key that makes it one email however often it is delivered. It
 * carries nothing else (no name, no subject, no text), so the queue and its dead-letter queue never
 * hold more than an address.
 *
 * @param idempotencyKey chosen by the feature that asks for the email, unique per email
 * @param recipient the address to send to
 * @param language the recipient's language tag; {@value #DEFAULT_LANGUAGE} when they chose none
 * @param template what to send
 */
public record EmailItem(
    String idempotencyKey, String recipient, String language, EmailTemplate template) {

  public static final String DEFAULT_LANGUAGE = "en";
  public static final int MAX_KEY = 200;
  public static final int MAX_ADDRESS = 254;

  private static final String KEY = "idempotencyKey";
  private static final String RECIPIENT = "recipient";
  private static final String LANGUAGE = "language";
  private static final String TEMPLATE = "template";

  public EmailItem {
    idempotencyKey = checkKey(idempotencyKey);
    if (recipient == null || recipient.isBlank() || recipient.length() > MAX_ADDRESS) {
      throw new IllegalArgumentException("An email needs a recipient address");
    }
    recipient = recipient.strip();
    language =
        language == null || language.isBlank()
            ? DEFAULT_LANGUAGE
            : language.strip().toLowerCase(Locale.ROOT);
    Objects.requireNonNull(template, "template");
  }

  /** Checks an idempotency key as callers pass it, before anything is looked up. */
  public static String checkKey(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("An email needs an idempotency key");
    }
    if (idempotencyKey.length() > MAX_KEY) {
      throw new IllegalArgumentException(
          "An idempotency key has at most " + MAX_KEY + " characters");
    }
    return idempotencyKey;
  }

  /** The item as the outbox keeps it and the queue carries it: a JSON object of strings. */
  public String toJson() {
    return Jsonp.object(toMap()).build().toString();
  }

  /** The item back from {@link #toJson()}; refuses text that is not one. */
  public static EmailItem fromJson(String json) {
    java.util.Map<String, Object> map = new java.util.HashMap<>();
    try (jakarta.json.JsonReader reader = Jsonp.reader(json)) {
      reader
          .readObject()
          .forEach(
              (name, value) ->
                  map.put(
                      name,
                      value instanceof jakarta.json.JsonString text ? text.getString() : null));
    } catch (jakarta.json.JsonException | ClassCastException e) {
      throw new IllegalArgumentException("Not an email item: " + e.getMessage(), e);
    }
    return fromMap(map);
  }

  /** The item as the body of a JMS map message: strings only. */
  public Map<String, Object> toMap() {
    return Map.of(
        KEY, idempotencyKey, RECIPIENT, recipient, LANGUAGE, language, TEMPLATE, template.name());
  }

  /** The item back from {@link #toMap()}; refuses a map that is not one. */
  public static EmailItem fromMap(Map<?, ?> map) {
    Object template = map.get(TEMPLATE);
    if (!(template instanceof String name)) {
      throw new IllegalArgumentException("Not an email item: it names no template");
    }
    return new EmailItem(
        (String) map.get(KEY),
        (String) map.get(RECIPIENT),
        (String) map.get(LANGUAGE),
        EmailTemplate.valueOf(name));
  }

  /**
   * The Message-ID of the email for an idempotency key: the same key always gives the same one, so
   * that should an email ever go out twice (the server stopped between sending it and recording
   * it), mail programs show it once. The key itself does not appear in it.
   */
  public static String messageId(String idempotencyKey, String domain) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(checkKey(idempotencyKey).getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash, 0, 16) + ".portal@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}

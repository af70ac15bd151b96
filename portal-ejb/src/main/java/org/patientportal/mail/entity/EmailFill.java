package org.patientportal.mail.entity;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Asked (a synchronous CDI event) when an email whose template needs values that must not wait in a
 * queue is sent: the feature that queued it observes the event, recognises its idempotency key and
 * puts the values (such as an activation code, opened from its sealed copy). A value nobody puts
 * means the email is no longer to be sent (the code was used, locked or expired).
 */
public final class EmailFill {

  private final String idempotencyKey;
  private final EmailTemplate template;
  private final Map<String, String> values = new HashMap<>();

  public EmailFill(String idempotencyKey, EmailTemplate template) {
    this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    this.template = Objects.requireNonNull(template, "template");
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public EmailTemplate template() {
    return template;
  }

  public void put(String name, String value) {
    values.put(name, value);
  }

  /** The values put, by name. */
  public Map<String, String> values() {
    return Map.copyOf(values);
  }
}

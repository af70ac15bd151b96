package org.patientportal.messaging.entity;

import java.util.Locale;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * Which of a reader's lists: the inbox (everything they see, but what they archived), what they
 * sent (the threads they wrote in, by their latest message), and what they archived (until a new
 * message brings it back). Sent and archived are the reader's own: nobody else's list changes.
 */
public enum Box {
  INBOX,
  SENT,
  ARCHIVED;

  /** The box a client names (any case); null or blank for the inbox. */
  public static Box parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return INBOX;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "{messaging.list.box.invalid}");
    }
  }
}

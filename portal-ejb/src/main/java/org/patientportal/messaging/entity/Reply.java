package org.patientportal.messaging.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A message added to a thread by someone who takes part in it; with an {@code idempotencyKey}, sent
 * at most once for that key.
 */
public record Reply(
    long threadId,
    @NotBlank(message = "{messaging.body.required}")
        @Size(max = Message.MAX_BODY, message = "{messaging.body.tooLong}")
        String body,
    boolean readReceipt,
    List<NewAttachment> attachments,
    @Size(max = 64, message = "{messaging.idempotencyKey.invalid}")
        @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "{messaging.idempotencyKey.invalid}")
        String idempotencyKey) {

  public Reply {
    body = StartThread.strip(body);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A reply sent without an idempotency key (each call sends). */
  public Reply(long threadId, String body, boolean readReceipt, List<NewAttachment> attachments) {
    this(threadId, body, readReceipt, attachments, null);
  }
}

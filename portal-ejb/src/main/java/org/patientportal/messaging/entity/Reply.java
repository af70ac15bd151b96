package org.patientportal.messaging.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A message added to a thread by someone who takes part in it. */
public record Reply(
    long threadId,
    @NotBlank(message = "{messaging.body.required}")
        @Size(max = Message.MAX_BODY, message = "{messaging.body.tooLong}")
        String body,
    boolean readReceipt,
    List<NewAttachment> attachments) {

  public Reply {
    body = StartThread.strip(body);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}

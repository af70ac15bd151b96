package org.patientportal.messaging.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new thread, as its sender asks for it. A patient writes to someone on their care team ({@code
 * to}: a clinician's username or "pool:" and a pool's code); a clinician writes to a patient they
 * care for ({@code patient}), the replies coming to them or to a pool of theirs ({@code to}: empty,
 * their username, or "pool:" and the code). Subject and body are stripped of surrounding spaces.
 * With an {@code idempotencyKey}, a second command with the same key sends nothing and answers what
 * the first sent.
 */
public record StartThread(
    String to,
    @NotNull(message = "{messaging.category.required}") Category category,
    @NotBlank(message = "{messaging.subject.required}")
        @Size(max = MessageThread.MAX_SUBJECT, message = "{messaging.subject.tooLong}")
        @Pattern(regexp = "\\P{Cc}*", message = "{messaging.subject.oneLine}")
        String subject,
    @NotBlank(message = "{messaging.body.required}")
        @Size(max = Message.MAX_BODY, message = "{messaging.body.tooLong}")
        String body,
    boolean readReceipt,
    List<NewAttachment> attachments,
    String patient,
    @Size(max = 64, message = "{messaging.idempotencyKey.invalid}")
        @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "{messaging.idempotencyKey.invalid}")
        String idempotencyKey) {

  public StartThread {
    to = strip(to);
    subject = strip(subject);
    body = strip(body);
    patient = strip(patient);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A patient's message to someone on their care team. */
  public static StartThread toCareTeam(
      String to,
      Category category,
      String subject,
      String body,
      boolean readReceipt,
      List<NewAttachment> attachments) {
    return new StartThread(to, category, subject, body, readReceipt, attachments, null, null);
  }

  /** A new thread sent without an idempotency key (each call sends). */
  public StartThread(
      String to,
      Category category,
      String subject,
      String body,
      boolean readReceipt,
      List<NewAttachment> attachments,
      String patient) {
    this(to, category, subject, body, readReceipt, attachments, patient, null);
  }

  /** The same command, sent at most once per {@code key} (a form's token, an Idempotency-Key). */
  public StartThread once(String key) {
    return new StartThread(to, category, subject, body, readReceipt, attachments, patient, key);
  }

  static String strip(String text) {
    return text == null ? null : text.strip();
  }
}

package org.patientportal.messaging.entity;

import java.time.Instant;
import java.util.List;

/**
 * What a clinician files of a thread into the patient's record: the thread's facts and the chosen
 * messages, opened, with who wrote each and to whom. Handed by messaging to the record, which
 * snapshots, seals and signs it.
 *
 * @param patientMrn the patient's medical record number, or null when the portal knows none
 * @param recipientAddress whom the thread is addressed to: a username, or "pool:" and a code
 */
public record FilingCopy(
    long threadId,
    String patient,
    String patientName,
    String patientMrn,
    Category category,
    String subject,
    String recipientAddress,
    String recipientName,
    List<Filed> messages) {

  public FilingCopy {
    messages = List.copyOf(messages);
  }

  /**
   * A message as filed: its author (the patient, or a member of the care team) and their name, when
   * it was sent, its text and the names of its attachments (their contents stay in the thread).
   */
  public record Filed(
      long id,
      String author,
      String authorName,
      boolean fromPatient,
      Instant sentAt,
      String body,
      List<String> attachments) {

    public Filed {
      attachments = List.copyOf(attachments);
    }
  }
}

package org.patientportal.web.records;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.patientportal.messaging.entity.FilingCopy;
import org.patientportal.records.entity.FiledEntry;

/** The JSON representations of the medical record's API: one record each, no entity leaves. */
final class RecordJson {

  private RecordJson() {}

  /**
   * An entry of a patient's record, as listed. {@code signingKeyId} names the public key (of {@code
   * GET /records/signing-keys}) that verifies {@code signature}, the Ed25519 signature of the text
   * {@code "patient-portal record-entry v1\n" + id + "\n" + patient + "\n" + threadId + "\n" +
   * version + "\n" + (amends or "-") + "\n" + filedBy + "\n" + filedAt + "\n" + snapshotSha256}
   * (base64).
   */
  public record Entry(
      long id,
      long threadId,
      String patient,
      int version,
      @JsonbNillable Long amends,
      @JsonbNillable Long amendedBy,
      String filedBy,
      String filedByName,
      Instant filedAt,
      int messageCount,
      @JsonbNillable String subject,
      @JsonbNillable String category,
      boolean intact,
      @JsonbNillable String reason,
      String signingKeyId,
      String snapshotSha256,
      String signature,
      String href) {

    static Entry of(FiledEntry e) {
      return new Entry(
          e.getId(),
          e.getThreadId(),
          e.getPatient(),
          e.getVersion(),
          e.getPreviousId(),
          e.getAmendedById(),
          e.getFiledBy(),
          e.getFiledByName(),
          e.getFiledAt(),
          e.getMessageCount(),
          e.getSubject(),
          e.getCategory(),
          e.isIntact(),
          e.getReason(),
          e.getSigningKeyId(),
          Base64.getEncoder().encodeToString(e.getSnapshotSha256()),
          Base64.getEncoder().encodeToString(e.getSignature()),
          "/portal/api/v1/records/" + e.getId());
    }
  }

  /** A filed message. */
  public record MessageOut(
      long id,
      String from,
      String fromName,
      boolean fromPatient,
      Instant sentAt,
      String body,
      List<String> attachments) {

    static MessageOut of(FilingCopy.Filed m) {
      return new MessageOut(
          m.id(),
          m.author(),
          m.authorName(),
          m.fromPatient(),
          m.sentAt(),
          m.body(),
          m.attachments());
    }
  }

  /** An entry with what was filed. */
  public record EntryOut(Entry entry, String to, String toName, List<MessageOut> messages) {

    static EntryOut of(FiledEntry e) {
      FilingCopy c = e.getContent();
      return new EntryOut(
          Entry.of(e),
          c.recipientAddress(),
          c.recipientName(),
          c.messages().stream().map(MessageOut::of).toList());
    }
  }
}

package org.patientportal.records.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.patientportal.crypto.entity.Sealed;

/**
 * An entry of a patient's medical record: a thread (or messages of it) as it was filed. Immutable:
 * every column is written once (only key rotation re-wraps the snapshot's data key). The snapshot
 * (JSON) is sealed, bound to the entry's id; its SHA-256 and the entry's facts are signed ({@link
 * #signedText}), so neither can change unseen. A later version points at the entry it amends.
 */
@Entity
@Table(name = "record_entry")
@NamedQuery(
    name = RecordEntry.OF_PATIENT,
    query =
        "select e from RecordEntry e where e.patient = :patient order by e.filedAt desc, e.id desc")
@NamedQuery(
    name = RecordEntry.AMENDMENT_OF,
    query = "select e.id from RecordEntry e where e.previousId = :id")
public class RecordEntry {

  public static final String OF_PATIENT = "RecordEntry.ofPatient";
  public static final String AMENDMENT_OF = "RecordEntry.amendmentOf";

  @Id private Long id;

  @Column(nullable = false, updatable = false, length = 64)
  private String patient;

  @Column(name = "thread_id", nullable = false, updatable = false)
  private long threadId;

  @Column(name = "entry_version", nullable = false, updatable = false)
  private int version;

  @Column(name = "previous_id", updatable = false)
  private Long previousId;

  @Column(name = "filed_by", nullable = false, updatable = false, length = 64)
  private String filedBy;

  @Column(name = "filed_at", nullable = false, updatable = false)
  private Instant filedAt;

  @Column(name = "message_count", nullable = false, updatable = false)
  private int messageCount;

  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "snapshot_ciphertext"))
  @AttributeOverride(name = "nonce", column = @Column(name = "snapshot_nonce"))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "snapshot_wrapped_key"))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "snapshot_key_version"))
  private Sealed snapshot;

  @Column(name = "snapshot_sha256", nullable = false, updatable = false, length = 32)
  private byte[] snapshotSha256;

  @Column(name = "signing_key_id", nullable = false, updatable = false, length = 64)
  private String signingKeyId;

  @Column(nullable = false, updatable = false, length = 64)
  private byte[] signature;

  protected RecordEntry() {
    // for JPA
  }

  public RecordEntry(
      long id,
      String patient,
      long threadId,
      int version,
      Long previousId,
      String filedBy,
      Instant filedAt,
      int messageCount,
      Sealed snapshot,
      byte[] snapshotSha256,
      String signingKeyId,
      byte[] signature) {
    if (version < 1 || (version == 1) != (previousId == null)) {
      throw new IllegalArgumentException("version 1 amends nothing; a later one amends an entry");
    }
    if (messageCount < 1) {
      throw new IllegalArgumentException("an entry files at least one message");
    }
    this.id = id;
    this.patient = Objects.requireNonNull(patient, "patient");
    this.threadId = threadId;
    this.version = version;
    this.previousId = previousId;
    this.filedBy = Objects.requireNonNull(filedBy, "filed by");
    this.filedAt = Objects.requireNonNull(filedAt, "filed at");
    this.messageCount = messageCount;
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.snapshotSha256 = Objects.requireNonNull(snapshotSha256, "sha-256").clone();
    this.signingKeyId = Objects.requireNonNull(signingKeyId, "key id");
    this.signature = Objects.requireNonNull(signature, "signature").clone();
  }

  /** What the snapshot's seal is bound to. */
  public static String snapshotOwner(long id) {
    return "record/" + id + "/snapshot";
  }

  /**
   * The text an entry's signature covers: its id, patient, thread, version, the entry it amends,
   * who filed it and when (microseconds, as the databases keep them), and its snapshot's SHA-256.
   */
  public static byte[] signedText(
      long id,
      String patient,
      long threadId,
      int version,
      Long previousId,
      String filedBy,
      Instant filedAt,
      byte[] snapshotSha256) {
    return ("patient-portal record-entry v1\n"
            + id
            + "\n"
            + patient
            + "\n"
            + threadId
            + "\n"
            + version
            + "\n"
            + (previousId == null ? "-" : previousId)
            + "\n"
            + filedBy
            + "\n"
            + filedAt
            + "\n"
            + Base64.getEncoder().encodeToString(snapshotSha256))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The text this entry's signature covers. */
  public byte[] signedText() {
    return signedText(id, patient, threadId, version, previousId, filedBy, filedAt, snapshotSha256);
  }

  public Long getId() {
    return id;
  }

  public String getPatient() {
    return patient;
  }

  public long getThreadId() {
    return threadId;
  }

  public int getVersion() {
    return version;
  }

  public Long getPreviousId() {
    return previousId;
  }

  public String getFiledBy() {
    return filedBy;
  }

  public Instant getFiledAt() {
    return filedAt;
  }

  public int getMessageCount() {
    return messageCount;
  }

  public Sealed getSnapshot() {
    return snapshot;
  }

  public byte[] getSnapshotSha256() {
    return snapshotSha256.clone();
  }

  public String getSigningKeyId() {
    return signingKeyId;
  }

  public byte[] getSignature() {
    return signature.clone();
  }
}

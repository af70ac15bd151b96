package org.patientportal.records.entity;

import java.time.Instant;
import org.patientportal.messaging.entity.FilingCopy;

/**
 * A record entry as the care team reads it: its facts, whether its seal and signature hold, and
 * (when they do) what was filed. An entry that fails its checks shows its facts only.
 */
public class FiledEntry {

  private final long id;
  private final String patient;
  private final long threadId;
  private final int version;
  private final Long previousId;
  private final Long amendedById;
  private final String filedBy;
  private final String filedByName;
  private final Instant filedAt;
  private final int messageCount;
  private final String signingKeyId;
  private final byte[] snapshotSha256;
  private final byte[] signature;
  private final boolean intact;
  private final FilingCopy content;
  private final String reason;

  public FiledEntry(
      RecordEntry entry, Long amendedById, String filedByName, boolean intact, FilingCopy content) {
    this(entry, amendedById, filedByName, intact, content, null);
  }

  /**
   * @param reason why this version amends the one before (null for a first version, or when the
   *     entry is not intact)
   */
  public FiledEntry(
      RecordEntry entry,
      Long amendedById,
      String filedByName,
      boolean intact,
      FilingCopy content,
      String reason) {
    this.id = entry.getId();
    this.patient = entry.getPatient();
    this.threadId = entry.getThreadId();
    this.version = entry.getVersion();
    this.previousId = entry.getPreviousId();
    this.amendedById = amendedById;
    this.filedBy = entry.getFiledBy();
    this.filedByName = filedByName;
    this.filedAt = entry.getFiledAt();
    this.messageCount = entry.getMessageCount();
    this.signingKeyId = entry.getSigningKeyId();
    this.snapshotSha256 = entry.getSnapshotSha256();
    this.signature = entry.getSignature();
    this.intact = intact;
    this.content = intact ? content : null;
    this.reason = intact ? reason : null;
  }

  public long getId() {
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

  /** The entry this one amends, or null for a first version. */
  public Long getPreviousId() {
    return previousId;
  }

  /** The entry that amends this one, or null while this one is the latest version. */
  public Long getAmendedById() {
    return amendedById;
  }

  public boolean isLatest() {
    return amendedById == null;
  }

  /** The version that supersedes this one (always the next), or null while this is the latest. */
  public Integer getSupersededByVersion() {
    return amendedById == null ? null : version + 1;
  }

  /** Why this version amends the one before; null for a first version. */
  public String getReason() {
    return reason;
  }

  /** The SHA-256 of the entry's snapshot, as signed. */
  public byte[] getSnapshotSha256() {
    return snapshotSha256.clone();
  }

  /** The Ed25519 signature of the entry's facts ({@link RecordEntry#signedText}). */
  public byte[] getSignature() {
    return signature.clone();
  }

  public String getFiledBy() {
    return filedBy;
  }

  public String getFiledByName() {
    return filedByName;
  }

  public Instant getFiledAt() {
    return filedAt;
  }

  public int getMessageCount() {
    return messageCount;
  }

  public String getSigningKeyId() {
    return signingKeyId;
  }

  /** Whether the snapshot opened and its signature verified. */
  public boolean isIntact() {
    return intact;
  }

  /** What was filed (null when the entry is not intact). */
  public FilingCopy getContent() {
    return content;
  }

  /** The filed thread's subject (null when the entry is not intact). */
  public String getSubject() {
    return content == null ? null : content.subject();
  }

  /** The filed thread's category name (null when the entry is not intact). */
  public String getCategory() {
    return content == null ? null : content.category().name();
  }
}

package org.patientportal.messaging.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;
import org.patientportal.crypto.entity.Sealed;

/**
 * A file attached to a message: its detected type, its size and its sealed name. The sealed content
 * is a separate {@link AttachmentContent}, read only when someone downloads it.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
  @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "message_id", nullable = false, updatable = false)
  private Message message;

  @Column(name = "content_type", nullable = false, updatable = false, length = 64)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "filename_ciphertext"))
  @AttributeOverride(name = "nonce", column = @Column(name = "filename_nonce"))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "filename_wrapped_key"))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "filename_key_version"))
  private Sealed filename = Sealed.pending();

  protected Attachment() {
    // for JPA
  }

  public Attachment(Message message, String contentType, long sizeBytes) {
    this.message = Objects.requireNonNull(message, "message");
    this.contentType = Objects.requireNonNull(contentType, "content type");
    if (sizeBytes <= 0) {
      throw new IllegalArgumentException("An attachment is not empty");
    }
    this.sizeBytes = sizeBytes;
    message.attached(this);
  }

  /** What the seals of the name and content are bound to. */
  public static String owner(long threadId, long messageId, long attachmentId, String part) {
    return "thread/"
        + threadId
        + "/message/"
        + messageId
        + "/attachment/"
        + attachmentId
        + "/"
        + part;
  }

  public String filenameOwner() {
    return owner(message.getThread().getId(), message.getId(), requireId(), "filename");
  }

  public String contentOwner() {
    return owner(message.getThread().getId(), message.getId(), requireId(), "content");
  }

  public void sealFilename(Sealed sealed) {
    if (!filename.isPending()) {
      throw new IllegalStateException("An attachment's name is sealed once");
    }
    this.filename = Objects.requireNonNull(sealed);
  }

  private long requireId() {
    if (id == null) {
      throw new IllegalStateException("The attachment must be persisted first");
    }
    return id;
  }

  public Long getId() {
    return id;
  }

  public Message getMessage() {
    return message;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public Sealed getFilename() {
    return filename;
  }
}

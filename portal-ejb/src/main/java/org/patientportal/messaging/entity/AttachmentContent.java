package org.patientportal.messaging.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import org.patientportal.crypto.entity.Sealed;

/**
 * The sealed bytes of an {@link Attachment}, kept apart so that showing a thread never reads them.
 */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent {

  @Id
  @Column(name = "attachment_id")
  private Long attachmentId;

  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "content_ciphertext"))
  @AttributeOverride(name = "nonce", column = @Column(name = "content_nonce"))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "content_wrapped_key"))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "content_key_version"))
  private Sealed content;

  protected AttachmentContent() {
    // for JPA
  }

  public AttachmentContent(Attachment attachment, Sealed content) {
    this.attachmentId = Objects.requireNonNull(attachment.getId(), "attachment id");
    this.content = Objects.requireNonNull(content, "content");
  }

  public Long getAttachmentId() {
    return attachmentId;
  }

  public Sealed getContent() {
    return content;
  }
}

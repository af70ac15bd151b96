package org.patientportal.messaging.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.patientportal.crypto.entity.Sealed;

/** One message of a thread; its body is sealed at rest, bound to the thread's and its own id. */
@Entity
@Table(name = "message")
public class Message {

  public static final int MAX_BODY = 20_000;

  @Id private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "thread_id", nullable = false, updatable = false)
  private MessageThread thread;

  @Column(nullable = false, updatable = false, length = 64)
  private String author;

  /** The patient a caregiver wrote this for (null when the author wrote as themselves). */
  @Column(name = "on_behalf_of", updatable = false, length = 64)
  private String onBehalfOf;

  @Column(name = "sent_at", nullable = false, updatable = false)
  private Instant sentAt;

  @Column(name = "read_receipt", nullable = false, updatable = false)
  private boolean readReceipt;

  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "body_ciphertext"))
  @AttributeOverride(name = "nonce", column = @Column(name = "body_nonce"))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "body_wrapped_key"))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "body_key_version"))
  private Sealed body;

  @OneToMany(mappedBy = "message")
  @OrderBy("id")
  private List<Attachment> attachments = new ArrayList<>();

  protected Message() {
    // for JPA
  }

  public Message(
      long id,
      MessageThread thread,
      String author,
      Instant sentAt,
      boolean readReceipt,
      Sealed body) {
    this.id = id;
    this.body = Objects.requireNonNull(body, "sealed body");
    this.thread = Objects.requireNonNull(thread, "thread");
    this.author = Objects.requireNonNull(author, "author");
    this.sentAt = Objects.requireNonNull(sentAt, "sent at");
    this.readReceipt = readReceipt;
  }

  /** What the body's seal is bound to: the thread's id and this message's id. */
  public static String bodyOwner(long threadId, long messageId) {
    return "thread/" + threadId + "/message/" + messageId + "/body";
  }

  public String bodyOwner() {
    if (id == null) {
      throw new IllegalStateException("The message must be persisted first");
    }
    return bodyOwner(thread.getId(), id);
  }

  public void attached(Attachment attachment) {
    attachments.add(attachment);
  }

  public Long getId() {
    return id;
  }

  public MessageThread getThread() {
    return thread;
  }

  public String getAuthor() {
    return author;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public boolean isReadReceipt() {
    return readReceipt;
  }

  public Sealed getBody() {
    return body;
  }

  public List<Attachment> getAttachments() {
    return Collections.unmodifiableList(attachments);
  }

  /** Marks the message as written by its author (a caregiver) for {@code patient}. */
  public void writtenFor(String patient) {
    this.onBehalfOf = patient;
  }

  public String getOnBehalfOf() {
    return onBehalfOf;
  }
}

package org.patientportal.messaging.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.patientportal.care.entity.CareRecipient;
import org.patientportal.crypto.entity.Sealed;

/**
 * A thread forwarded inside the care community: to a clinician of the portal or to a pool (never an
 * outside address: there is no field for one), with a note sealed like a message body. The
 * recipient reads the thread from then on. Written once, never changed.
 */
@Entity
@Table(name = "thread_forward")
@NamedQuery(
    name = ThreadForward.OF_THREADS,
    query = "select f from ThreadForward f where f.threadId in :threads order by f.id")
public class ThreadForward {

  public static final String OF_THREADS = "ThreadForward.ofThreads";
  public static final int MAX_NOTE = 2000;

  @Id private Long id;

  @Column(name = "thread_id", nullable = false, updatable = false)
  private long threadId;

  @Column(name = "forwarded_at", nullable = false, updatable = false)
  private Instant at;

  @Column(name = "forwarded_by", nullable = false, updatable = false, length = 64)
  private String by;

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_kind", nullable = false, updatable = false, length = 8)
  private RecipientKind recipientKind;

  @Column(nullable = false, updatable = false, length = 64)
  private String recipient;

  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "note_ciphertext"))
  @AttributeOverride(name = "nonce", column = @Column(name = "note_nonce"))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "note_wrapped_key"))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "note_key_version"))
  private Sealed note;

  protected ThreadForward() {
    // for JPA
  }

  public ThreadForward(
      long id,
      long threadId,
      Instant at,
      String by,
      RecipientKind recipientKind,
      String recipient,
      Sealed note) {
    this.id = id;
    this.threadId = threadId;
    this.at = Objects.requireNonNull(at, "at");
    this.by = Objects.requireNonNull(by, "by");
    this.recipientKind = Objects.requireNonNull(recipientKind, "recipient kind");
    this.recipient = Objects.requireNonNull(recipient, "recipient");
    this.note = Objects.requireNonNull(note, "note");
  }

  /** What the note's seal is bound to. */
  public static String noteOwner(long threadId, long forwardId) {
    return "thread/" + threadId + "/forward/" + forwardId + "/note";
  }

  public String noteOwner() {
    return noteOwner(threadId, id);
  }

  /** The recipient's address: a username, or "pool:" and the pool's code. */
  public String address() {
    return CareRecipient.address(
        recipientKind == RecipientKind.POOL ? CareRecipient.Kind.POOL : CareRecipient.Kind.USER,
        recipient);
  }

  public Long getId() {
    return id;
  }

  public long getThreadId() {
    return threadId;
  }

  public Instant getAt() {
    return at;
  }

  public String getBy() {
    return by;
  }

  public RecipientKind getRecipientKind() {
    return recipientKind;
  }

  public String getRecipient() {
    return recipient;
  }

  public Sealed getNote() {
    return note;
  }
}

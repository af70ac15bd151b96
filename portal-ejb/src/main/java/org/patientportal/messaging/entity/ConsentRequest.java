package org.patientportal.messaging.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.patientportal.crypto.entity.Sealed;

/**
 * A clinician's request that the patient agree to sensitive topics, made in a thread (its message
 * is in the thread) and answered once by the patient in the portal, topic by topic. The topics
 * asked for are sealed like a message's flags.
 */
@Entity
@Table(name = "consent_request")
@NamedQuery(
    name = ConsentRequest.OF_THREAD,
    query = "select r from ConsentRequest r where r.threadId = :thread order by r.id")
@NamedQuery(
    name = ConsentRequest.OPEN_OF_PATIENT,
    query =
        "select r from ConsentRequest r where r.patient = :patient and r.answeredAt is null"
            + " order by r.id")
public class ConsentRequest {

  public static final String OF_THREAD = "ConsentRequest.ofThread";
  public static final String OPEN_OF_PATIENT = "ConsentRequest.openOfPatient";

  @Id private Long id;

  @Version private long version;

  @Column(name = "thread_id", nullable = false, updatable = false)
  private long threadId;

  @Column(name = "message_id", nullable = false, updatable = false)
  private long messageId;

  @Column(nullable = false, updatable = false, length = 64)
  private String patient;

  @Column(name = "requested_by", nullable = false, updatable = false, length = 64)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "topics_ciphertext"))
  @AttributeOverride(name = "nonce", column = @Column(name = "topics_nonce"))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "topics_wrapped_key"))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "topics_key_version"))
  private Sealed topics;

  protected ConsentRequest() {
    // for JPA
  }

  public ConsentRequest(
      long id,
      long threadId,
      long messageId,
      String patient,
      String requestedBy,
      Instant requestedAt,
      Sealed topics) {
    this.id = id;
    this.threadId = threadId;
    this.messageId = messageId;
    this.patient = Objects.requireNonNull(patient, "patient");
    this.requestedBy = Objects.requireNonNull(requestedBy, "requested by");
    this.requestedAt = Objects.requireNonNull(requestedAt, "requested at");
    this.topics = Objects.requireNonNull(topics, "sealed topics");
  }

  /** What the seal of the topics is bound to. */
  public static String owner(long id) {
    return "consent-request/" + id + "/topics";
  }

  public String owner() {
    return owner(id);
  }

  /** The patient answered: once only. */
  public boolean answer(Instant at) {
    if (answeredAt != null) {
      return false;
    }
    answeredAt = Objects.requireNonNull(at, "at");
    return true;
  }

  public boolean isAnswered() {
    return answeredAt != null;
  }

  public Long getId() {
    return id;
  }

  public long getThreadId() {
    return threadId;
  }

  public long getMessageId() {
    return messageId;
  }

  public String getPatient() {
    return patient;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Sealed getTopics() {
    return topics;
  }
}

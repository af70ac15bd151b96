package org.patientportal.messaging.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import org.patientportal.crypto.entity.Sealed;

/**
 * The sensitive topics a message is flagged with, as its author chose them: sealed like the body,
 * bound to the thread's and the message's ids. Only flagged messages have one. Written once.
 */
@Entity
@Table(name = "message_topics")
@NamedQuery(
    name = MessageTopics.OF_THREAD,
    query = "select t from MessageTopics t where t.threadId = :thread order by t.messageId")
public class MessageTopics {

  public static final String OF_THREAD = "MessageTopics.ofThread";

  @Id
  @Column(name = "message_id")
  private Long messageId;

  @Column(name = "thread_id", nullable = false, updatable = false)
  private long threadId;

  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "topics_ciphertext"))
  @AttributeOverride(name = "nonce", column = @Column(name = "topics_nonce"))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "topics_wrapped_key"))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "topics_key_version"))
  private Sealed topics;

  protected MessageTopics() {
    // for JPA
  }

  public MessageTopics(long messageId, long threadId, Sealed topics) {
    this.messageId = messageId;
    this.threadId = threadId;
    this.topics = Objects.requireNonNull(topics, "sealed topics");
  }

  /** What the seal is bound to. */
  public static String owner(long threadId, long messageId) {
    return "thread/" + threadId + "/message/" + messageId + "/topics";
  }

  public String owner() {
    return owner(threadId, messageId);
  }

  public Long getMessageId() {
    return messageId;
  }

  public long getThreadId() {
    return threadId;
  }

  public Sealed getTopics() {
    return topics;
  }
}

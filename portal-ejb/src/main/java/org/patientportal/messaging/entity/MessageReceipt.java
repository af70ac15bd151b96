package org.patientportal.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A read receipt: the first time a reader other than its author opened a message that asked for
 * one. The sender sees it.
 */
@Entity
@Table(name = "message_receipt")
@IdClass(ReaderKey.class)
@NamedQuery(
    name = MessageReceipt.READ_BY_IN_THREAD,
    query = "select r.id from MessageReceipt r where r.threadId = :thread and r.reader = :reader")
@NamedQuery(
    name = MessageReceipt.IN_THREAD,
    query = "select r from MessageReceipt r where r.threadId = :thread order by r.readAt, r.id")
public class MessageReceipt {

  public static final String READ_BY_IN_THREAD = "MessageReceipt.readByInThread";
  public static final String IN_THREAD = "MessageReceipt.inThread";

  @Id
  @Column(name = "message_id")
  private Long id;

  @Id
  @Column(length = 64)
  private String reader;

  @Column(name = "thread_id", nullable = false)
  private long threadId;

  @Column(name = "read_at", nullable = false)
  private Instant readAt;

  protected MessageReceipt() {
    // for JPA
  }

  public MessageReceipt(Message message, String reader, Instant readAt) {
    if (!message.isReadReceipt()) {
      throw new IllegalArgumentException("The message did not ask for a read receipt");
    }
    if (message.getAuthor().equals(reader)) {
      throw new IllegalArgumentException("An author does not receipt their own message");
    }
    this.id = message.getId();
    this.threadId = message.getThread().getId();
    this.reader = reader;
    this.readAt = readAt;
  }

  public Long getMessageId() {
    return id;
  }

  public String getReader() {
    return reader;
  }

  public long getThreadId() {
    return threadId;
  }

  public Instant getReadAt() {
    return readAt;
  }
}

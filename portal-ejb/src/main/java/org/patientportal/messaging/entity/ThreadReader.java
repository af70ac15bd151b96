package org.patientportal.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far one reader has read one thread: what makes a thread unread for them. */
@Entity
@Table(name = "thread_reader")
@IdClass(ReaderKey.class)
public class ThreadReader {

  @Id
  @Column(name = "thread_id")
  private Long id;

  @Id
  @Column(length = 64)
  private String reader;

  @Column(name = "read_through_id", nullable = false)
  private long readThroughId;

  @Column(name = "read_at", nullable = false)
  private Instant readAt;

  /** The reader's latest message in the thread (the Sent view); null: they sent none. */
  @Column(name = "last_sent_id")
  private Long lastSentId;

  @Column(name = "last_sent_at")
  private Instant lastSentAt;

  /**
   * The thread's latest message when the reader archived it: archived for them while no newer
   * message has come; null when not archived.
   */
  @Column(name = "archived_through_id")
  private Long archivedThroughId;

  protected ThreadReader() {
    // for JPA
  }

  public ThreadReader(long threadId, String reader, long readThroughId, Instant readAt) {
    this.id = threadId;
    this.reader = reader;
    this.readThroughId = readThroughId;
    this.readAt = readAt;
  }

  /** Moves the mark forward (never back, if an older view is submitted late). */
  public void readThrough(long messageId, Instant at) {
    if (messageId > readThroughId) {
      readThroughId = messageId;
    }
    readAt = at;
  }

  public Long getThreadId() {
    return id;
  }

  public String getReader() {
    return reader;
  }

  public long getReadThroughId() {
    return readThroughId;
  }

  public Instant getReadAt() {
    return readAt;
  }

  public Long getLastSentId() {
    return lastSentId;
  }

  public Instant getLastSentAt() {
    return lastSentAt;
  }

  public Long getArchivedThroughId() {
    return archivedThroughId;
  }
}

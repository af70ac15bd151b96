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
}

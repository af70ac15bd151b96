package org.patientportal.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One word of a thread's subject in the keyed blind index: the first 64 bits of an HMAC-SHA256 of
 * the normalised word under the portal's search key. It says which threads share a word, never the
 * word. Written with the thread; searched by {@code exists} per word.
 */
@Entity
@Table(name = "thread_subject_token")
@IdClass(SubjectToken.Key.class)
public class SubjectToken {

  @Id
  @Column(name = "token", nullable = false, updatable = false)
  private long token;

  @Id
  @Column(name = "thread_id", nullable = false, updatable = false)
  private long threadId;

  protected SubjectToken() {}

  public SubjectToken(long threadId, long token) {
    this.threadId = threadId;
    this.token = token;
  }

  public long getThreadId() {
    return threadId;
  }

  public long getToken() {
    return token;
  }

  /** The primary key: token first, so that a word's threads are one index range. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private long token;
    private long threadId;

    public Key() {}

    public Key(long token, long threadId) {
      this.token = token;
      this.threadId = threadId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.token == token && k.threadId == threadId;
    }

    @Override
    public int hashCode() {
      return Objects.hash(token, threadId);
    }
  }
}

package org.patientportal.messaging.entity;

import java.time.Instant;

/**
 * A message of a thread as a clinician chooses what to file: which message, who wrote it and when,
 * never its text. A class with getters (not a record): views read it through Jakarta EL.
 */
public class FilingChoice {

  private final long id;
  private final String authorName;
  private final Instant sentAt;

  public FilingChoice(long id, String authorName, Instant sentAt) {
    this.id = id;
    this.authorName = authorName;
    this.sentAt = sentAt;
  }

  public long getId() {
    return id;
  }

  public String getAuthorName() {
    return authorName;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}

package org.patientportal.messaging.entity;

import java.time.Instant;

/** A line of an inbox or a work queue: a thread as its reader sees it, subject opened. */
public class ThreadSummary {

  private final long id;
  private final Category category;
  private final String subject;
  private final String patient;
  private final String patientName;
  private final String recipientAddress;
  private final String recipientName;
  private final boolean unread;
  private final Instant lastMessageAt;
  private final String lastMessageBy;
  private final int messageCount;
  private final ThreadStatus status;

  public ThreadSummary(
      long id,
      Category category,
      String subject,
      String patient,
      String patientName,
      String recipientAddress,
      String recipientName,
      boolean unread,
      Instant lastMessageAt,
      String lastMessageBy,
      int messageCount,
      ThreadStatus status) {
    this.id = id;
    this.category = category;
    this.subject = subject;
    this.patient = patient;
    this.patientName = patientName;
    this.recipientAddress = recipientAddress;
    this.recipientName = recipientName;
    this.unread = unread;
    this.lastMessageAt = lastMessageAt;
    this.lastMessageBy = lastMessageBy;
    this.messageCount = messageCount;
    this.status = status;
  }

  public long getId() {
    return id;
  }

  public Category getCategory() {
    return category;
  }

  public String getSubject() {
    return subject;
  }

  /** "[Appointment] subject", with the category's English label. */
  public String getSubjectLine() {
    return category.subjectLine(subject);
  }

  public String getPatient() {
    return patient;
  }

  public String getPatientName() {
    return patientName;
  }

  /** The username, or "pool:" and the pool's code. */
  public String getRecipientAddress() {
    return recipientAddress;
  }

  public String getRecipientName() {
    return recipientName;
  }

  public boolean isUnread() {
    return unread;
  }

  public Instant getLastMessageAt() {
    return lastMessageAt;
  }

  public String getLastMessageBy() {
    return lastMessageBy;
  }

  public int getMessageCount() {
    return messageCount;
  }

  public ThreadStatus getStatus() {
    return status;
  }
}

package org.patientportal.messaging.entity;

import java.time.Instant;
import org.patientportal.care.entity.PoolRole;

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
  private String assignee;
  private String assigneeName;
  private PoolRole assigneeRole;
  private Instant dueBy;
  private Escalation escalation;
  private boolean archived;

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

  /** Adds who handles the thread and by when (set once, by the read model). */
  public ThreadSummary handling(
      String assignee,
      String assigneeName,
      PoolRole assigneeRole,
      Instant dueBy,
      Escalation escalation) {
    this.assignee = assignee;
    this.assigneeName = assigneeName;
    this.assigneeRole = assigneeRole;
    this.dueBy = dueBy;
    this.escalation = escalation;
    return this;
  }

  /** The username of who handles the thread, or null. */
  public String getAssignee() {
    return assignee;
  }

  public String getAssigneeName() {
    return assigneeName;
  }

  /** The assignee's role on the team (clinician or staff), or null. */
  public PoolRole getAssigneeRole() {
    return assigneeRole;
  }

  /** When the care team should answer the patient's waiting message; null when none waits. */
  public Instant getDueBy() {
    return dueBy;
  }

  /** How far the waiting message has been escalated to the team's lead, or null. */
  public Escalation getEscalation() {
    return escalation;
  }

  /** Marks the summary as archived by its reader (set once, by the read model). */
  public ThreadSummary archived(boolean archived) {
    this.archived = archived;
    return this;
  }

  /** Whether the reader archived the thread (it is out of their inbox until a new message). */
  public boolean isArchived() {
    return archived;
  }

  public boolean isEscalated() {
    return escalation != null;
  }
}

package org.patientportal.messaging.entity;

import java.time.Instant;
import java.util.List;
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
  private RequestStatus requestStatus;
  private List<ForwardedTo> forwardedTo = List.of();
  private boolean filed;
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

  /** Adds the status of the request the thread is (null: it is no request). */
  public ThreadSummary request(RequestStatus status) {
    this.requestStatus = status;
    return this;
  }

  /** The status of the request the thread is, or null. */
  public RequestStatus getRequestStatus() {
    return requestStatus;
  }

  /** Adds whom the thread was forwarded to, in order (set once, by the read model). */
  public ThreadSummary forwarded(List<ForwardedTo> to) {
    this.forwardedTo = List.copyOf(to);
    return this;
  }

  /** Whom the thread was forwarded to inside the care community, in order; empty if nobody. */
  public List<ForwardedTo> getForwardedTo() {
    return forwardedTo;
  }

  /** Marks the thread as filed into the patient's medical record (set by the read model). */
  public ThreadSummary filed(boolean filed) {
    this.filed = filed;
    return this;
  }

  /** Whether (messages of) the thread have been filed into the patient's medical record. */
  public boolean isFiled() {
    return filed;
  }

  /** A recipient the thread was forwarded to: address (username or "pool:code") and name. */
  public static final class ForwardedTo {
    private final String address;
    private final String name;

    public ForwardedTo(String address, String name) {
      this.address = address;
      this.name = name;
    }

    public String getAddress() {
      return address;
    }

    public String getName() {
      return name;
    }
  }
}

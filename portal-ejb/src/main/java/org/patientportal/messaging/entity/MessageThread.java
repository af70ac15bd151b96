package org.patientportal.messaging.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.crypto.entity.Sealed;

/**
 * A conversation of one patient with their care team: addressed to a clinician or a pool, with a
 * category and a subject sealed at rest. It keeps the facts the lists need (last activity, who
 * wrote last, status) so that lists never open a message.
 */
@Entity
@Table(name = "message_thread")
public class MessageThread {

  public static final int MAX_SUBJECT = 150;

  @Id private Long id;

  @Version private long version;

  @Column(nullable = false, updatable = false, length = 64)
  private String patient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Category category;

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_kind", nullable = false, updatable = false, length = 8)
  private RecipientKind recipientKind;

  @Column(nullable = false, updatable = false, length = 64)
  private String recipient;

  @Column(name = "started_by", nullable = false, updatable = false, length = 64)
  private String startedBy;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "last_message_id")
  private Long lastMessageId;

  @Column(name = "last_message_at", nullable = false)
  private Instant lastMessageAt;

  @Column(name = "last_message_by", nullable = false, length = 64)
  private String lastMessageBy;

  @Column(name = "message_count", nullable = false)
  private int messageCount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private ThreadStatus status;

  @Column(name = "done_by", length = 64)
  private String doneBy;

  @Column(name = "done_at")
  private Instant doneAt;

  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "subject_ciphertext"))
  @AttributeOverride(name = "nonce", column = @Column(name = "subject_nonce"))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "subject_wrapped_key"))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "subject_key_version"))
  private Sealed subject;

  /**
   * The version of the search key whose tokens of the subject are in the blind index; null while
   * the subject is not indexed (threads older than the index, until the backfill reaches them).
   */
  @Column(name = "subject_index_version")
  private Integer subjectIndexVersion;

  /** The clinician or staff member handling the thread; null while nobody has claimed it. */
  @Column(length = 64)
  private String assignee;

  /** The assignee's role on the team when they took the thread. */
  @Enumerated(EnumType.STRING)
  @Column(name = "assignee_role", length = 16)
  private PoolRole assigneeRole;

  /** When the care team should have answered the patient's waiting message; null: none waits. */
  @Column(name = "due_by")
  private Instant dueBy;

  /** Halfway to {@link #dueBy} in business time: an unclaimed thread escalates from then. */
  @Column(name = "escalate_at")
  private Instant escalateAt;

  /** How far the waiting message has escalated: {@link Escalation#level()}. */
  @Column(name = "escalation_level", nullable = false)
  private int escalationLevel;

  /** The status of the request this thread is, or null for a thread that is no request. */
  @Enumerated(EnumType.STRING)
  @Column(name = "request_status", length = 16)
  private RequestStatus requestStatus;

  /** When the thread (or messages of it) was first filed into the patient's record; null if not. */
  @Column(name = "filed_at")
  private Instant filedAt;

  /**
   * Whether a message of the thread is flagged with a sensitive topic (which topics is sealed with
   * the message): pool staff do not see it unless it is theirs by name ({@code ThreadAccess}).
   */
  @Column(nullable = false)
  private boolean flagged;

  protected MessageThread() {
    // for JPA
  }

  /**
   * A new thread with its id (from {@code Ids}, "message_thread_seq") and its subject sealed for
   * {@link #subjectOwner(long)} of that id: the id is part of what the seal binds, so it is known
   * before the row exists.
   */
  public MessageThread(
      long id,
      String patient,
      Category category,
      RecipientKind recipientKind,
      String recipient,
      String startedBy,
      Instant startedAt,
      Sealed subject) {
    this.id = id;
    this.subject = Objects.requireNonNull(subject, "sealed subject");
    this.patient = Objects.requireNonNull(patient, "patient");
    this.category = Objects.requireNonNull(category, "category");
    this.recipientKind = Objects.requireNonNull(recipientKind, "recipient kind");
    this.recipient = Objects.requireNonNull(recipient, "recipient");
    this.startedBy = Objects.requireNonNull(startedBy, "started by");
    this.startedAt = Objects.requireNonNull(startedAt, "started at");
    this.lastMessageAt = startedAt;
    this.lastMessageBy = startedBy;
    this.status = ThreadStatus.OPEN;
  }

  /** What the subject's seal is bound to: this thread's id. */
  public static String subjectOwner(long threadId) {
    return "thread/" + threadId + "/subject";
  }

  public String subjectOwner() {
    return subjectOwner(requireId());
  }

  /**
   * Records a new message in the thread. A message from the patient's side opens a thread that was
   * done, so it comes back to the care team's queue.
   */
  public void messageAdded(Message message) {
    if (message.getThread() != this) {
      throw new IllegalArgumentException("The message belongs to another thread");
    }
    this.lastMessageId = message.getId();
    this.lastMessageAt = message.getSentAt();
    this.lastMessageBy = message.getAuthor();
    this.messageCount++;
    if (message.getAuthor().equals(patient)) {
      this.status = ThreadStatus.OPEN;
      this.doneBy = null;
      this.doneAt = null;
    } else {
      // the care team answered: nothing waits for it any more
      answered();
    }
  }

  /**
   * The patient's message is waiting for the care team from now: due at {@code dueBy}, escalated if
   * unclaimed from {@code halfway}. A message that arrives while an earlier one still waits keeps
   * the earlier one's due time: the clock started with the first unanswered message.
   */
  public void waitingFromPatient(Instant dueBy, Instant halfway) {
    if (this.dueBy != null) {
      return;
    }
    this.dueBy = Objects.requireNonNull(dueBy, "due by");
    this.escalateAt = Objects.requireNonNull(halfway, "halfway");
    this.escalationLevel = 0;
  }

  private void answered() {
    this.dueBy = null;
    this.escalateAt = null;
    this.escalationLevel = 0;
  }

  /** Whether a patient's message waits for the care team (an open thread with a due time). */
  public boolean isWaiting() {
    return status == ThreadStatus.OPEN && dueBy != null;
  }

  /**
   * {@code by} takes the thread, in {@code role} on its team.
   *
   * @throws IllegalStateException if someone else has it (a lead reassigns with {@link #assign})
   */
  public void claim(String by, PoolRole role) {
    if (assignee != null && !assignee.equals(by)) {
      throw new IllegalStateException("Thread " + id + " is claimed by someone else");
    }
    assign(by, role);
  }

  /** {@code to} handles the thread from now, in {@code role} on its team. */
  public void assign(String to, PoolRole role) {
    this.assignee = Objects.requireNonNull(to, "assignee");
    this.assigneeRole = Objects.requireNonNull(role, "role");
  }

  /** Nobody handles the thread any more. */
  public void release() {
    this.assignee = null;
    this.assigneeRole = null;
  }

  /**
   * The escalation the thread is due for at {@code now}, if any beyond the one it has had: overdue
   * once past its due time; unclaimed past half its time before that.
   */
  public Escalation escalationDue(Instant now) {
    if (!isWaiting()) {
      return null;
    }
    if (!now.isBefore(dueBy) && escalationLevel < Escalation.OVERDUE.level()) {
      return Escalation.OVERDUE;
    }
    if (assignee == null
        && escalateAt != null
        && !now.isBefore(escalateAt)
        && escalationLevel < Escalation.UNCLAIMED.level()) {
      return Escalation.UNCLAIMED;
    }
    return null;
  }

  /** Records that the thread was escalated to {@code escalation}'s level (once per level). */
  public void escalated(Escalation escalation) {
    this.escalationLevel = Math.max(escalationLevel, escalation.level());
  }

  public String getAssignee() {
    return assignee;
  }

  public PoolRole getAssigneeRole() {
    return assigneeRole;
  }

  public Instant getDueBy() {
    return dueBy;
  }

  public Instant getEscalateAt() {
    return escalateAt;
  }

  public int getEscalationLevel() {
    return escalationLevel;
  }

  /** The escalation the thread has had, or null. */
  public Escalation getEscalation() {
    return Escalation.ofLevel(escalationLevel);
  }

  /** The thread (or messages of it) has been filed into the patient's medical record. */
  public void filed(Instant at) {
    if (filedAt == null) {
      filedAt = java.util.Objects.requireNonNull(at, "at");
    }
  }

  /** When the thread was first filed into the patient's record, or null. */
  /** Whether a message of the thread touches a sensitive topic. */
  public boolean isFlagged() {
    return flagged;
  }

  /** A message flagged with a sensitive topic was added: the thread is flagged from now on. */
  public void flag() {
    this.flagged = true;
  }

  public Instant getFiledAt() {
    return filedAt;
  }

  public void markDone(String by, Instant at) {
    this.status = ThreadStatus.DONE;
    this.doneBy = Objects.requireNonNull(by);
    this.doneAt = Objects.requireNonNull(at);
    answered();
  }

  /** The thread is a request, now in {@code status}. */
  public void requestStatus(RequestStatus status) {
    this.requestStatus = Objects.requireNonNull(status, "request status");
  }

  /** The status of the request this thread is, or null. */
  public RequestStatus getRequestStatus() {
    return requestStatus;
  }

  /**
   * Opens a done thread again: it is back in the care team's queue. A thread that is open stays as
   * it is.
   *
   * @return whether the thread was done
   */
  public boolean reopen() {
    if (status != ThreadStatus.DONE) {
      return false;
    }
    this.status = ThreadStatus.OPEN;
    this.doneBy = null;
    this.doneAt = null;
    return true;
  }

  /** Whether {@code reader} has not seen the latest message, given how far they have read. */
  public boolean unreadFor(String reader, Long readThroughId) {
    return lastMessageId != null
        && !lastMessageBy.equals(reader)
        && (readThroughId == null || readThroughId < lastMessageId);
  }

  private long requireId() {
    if (id == null) {
      throw new IllegalStateException("The thread must be persisted first");
    }
    return id;
  }

  public Long getId() {
    return id;
  }

  /** Records that the subject's words are in the blind index under search key {@code version}. */
  public void subjectIndexed(int version) {
    this.subjectIndexVersion = version;
  }

  public Integer getSubjectIndexVersion() {
    return subjectIndexVersion;
  }

  public String getPatient() {
    return patient;
  }

  public Category getCategory() {
    return category;
  }

  public RecipientKind getRecipientKind() {
    return recipientKind;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Long getLastMessageId() {
    return lastMessageId;
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

  public String getDoneBy() {
    return doneBy;
  }

  public Instant getDoneAt() {
    return doneAt;
  }

  public Sealed getSubject() {
    return subject;
  }
}

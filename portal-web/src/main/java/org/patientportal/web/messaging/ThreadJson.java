package org.patientportal.web.messaging;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import org.patientportal.messaging.entity.AttachmentDetail;
import org.patientportal.messaging.entity.MessageDetail;
import org.patientportal.messaging.entity.ReceiptDetail;
import org.patientportal.messaging.entity.ThreadDetail;
import org.patientportal.messaging.entity.ThreadHistoryLine;
import org.patientportal.messaging.entity.ThreadSummary;

/** The JSON representations of {@code /api/v1/threads}: one record each, no entity leaves. */
final class ThreadJson {

  private ThreadJson() {}

  /** A thread in a list. */
  public record Summary(
      long id,
      String subject,
      String subjectLine,
      String category,
      String patient,
      String to,
      boolean unread,
      Instant lastMessageAt,
      String lastMessageBy,
      int messageCount,
      String status,
      @JsonbNillable Assignee assignee,
      @JsonbNillable Instant dueBy,
      @JsonbNillable String escalation,
      @JsonbNillable String requestStatus,
      List<Forwarded> forwardedTo,
      boolean filed,
      boolean archived) {

    static Summary of(ThreadSummary t) {
      return new Summary(
          t.getId(),
          t.getSubject(),
          t.getSubjectLine(),
          t.getCategory().name(),
          t.getPatient(),
          t.getRecipientAddress(),
          t.isUnread(),
          t.getLastMessageAt(),
          t.getLastMessageBy(),
          t.getMessageCount(),
          t.getStatus().name(),
          Assignee.of(t),
          t.getDueBy(),
          t.getEscalation() == null ? null : t.getEscalation().name(),
          requestStatusOf(t),
          Forwarded.of(t),
          t.isFiled(),
          t.isArchived());
    }
  }

  /** The status of the request a thread is (requests), or null. */
  static String requestStatusOf(ThreadSummary t) {
    return t.getRequestStatus() == null ? null : t.getRequestStatus().name();
  }

  /** A recipient inside the care community a thread was forwarded to: address and name. */
  public record Forwarded(String to, String name) {

    static List<Forwarded> of(ThreadSummary t) {
      return t.getForwardedTo().stream()
          .map(f -> new Forwarded(f.getAddress(), f.getName()))
          .toList();
    }
  }

  /** A forward with its note, as the care team sees it. */
  public record ForwardOut(
      Instant at, String by, String byName, String to, String toName, String note) {

    static ForwardOut of(ThreadDetail.ForwardNote f) {
      return new ForwardOut(
          f.getAt(), f.getBy(), f.getByName(), f.getTo(), f.getToName(), f.getNote());
    }
  }

  /** A forward inside the care community: {@code to} a clinician's username or "pool:code". */
  public record ForwardIn(String to, String note, Boolean confirmSensitive) {}

  /** How many threads are unread for the caller; {@code capped}: at least that many. */
  public record UnreadCount(int unread, boolean capped) {}

  /**
   * Who handles a thread: username, display name and role on the team (CLINICIAN or STAFF).
   * Nillable as a type: Yasson writes a null property of a class type only when the class says so,
   * whatever the property says (the property's annotation is enough for a string or an instant).
   */
  @JsonbNillable
  public record Assignee(String username, String displayName, String role) {

    static Assignee of(ThreadSummary t) {
      return t.getAssignee() == null
          ? null
          : new Assignee(
              t.getAssignee(),
              t.getAssigneeName(),
              t.getAssigneeRole() == null ? null : t.getAssigneeRole().name());
    }
  }

  /** A step of a thread's handling. */
  public record HistoryLine(
      Instant at, String kind, String by, String byName, String to, String toName) {

    static HistoryLine of(ThreadHistoryLine h) {
      return new HistoryLine(
          h.getAt(),
          h.getKind().name(),
          h.getActor(),
          h.getActorName(),
          h.getTarget(),
          h.getTargetName());
    }
  }

  /** Whom a thread is given to. */
  public record AssignmentIn(String to) {}

  /** A file to attach: its name and its bytes in base64. */
  public record FileUpload(String filename, String content) {}

  /** A new thread. */
  public record NewThread(
      String to,
      String category,
      String subject,
      String body,
      String patient,
      List<String> sensitiveTopics,
      Boolean readReceipt,
      List<FileUpload> attachments) {}

  /** A reply. */
  public record NewMessage(
      String body,
      Boolean readReceipt,
      List<FileUpload> attachments,
      List<String> sensitiveTopics) {}

  /** What a POST created. */
  public record Created(long id) {}

  /**
   * The thread a POST started; when its addressee is away, {@code coveredBy} (username) and {@code
   * coveredByName} name the colleague who received it instead (absent otherwise).
   */
  public record Started(long id, String coveredBy, String coveredByName) {}

  /** An attachment as a thread lists it. */
  public record AttachmentOut(
      long id, String filename, String contentType, long size, String href) {

    static AttachmentOut of(AttachmentDetail a, long threadId, UriBuilder base) {
      return new AttachmentOut(
          a.getId(),
          a.getFilename(),
          a.getContentType(),
          a.getSizeBytes(),
          base.path("threads/{id}/attachments/{attachment}").build(threadId, a.getId()).getPath());
    }
  }

  /** A read receipt. */
  public record Receipt(long messageId, String reader, String readerName, Instant readAt) {

    static Receipt of(ReceiptDetail r) {
      return new Receipt(r.getMessageId(), r.getReader(), r.getReaderName(), r.getReadAt());
    }
  }

  /** A message of an opened thread. */
  public record MessageOut(
      long id,
      String from,
      String fromName,
      Instant sentAt,
      String body,
      boolean readReceipt,
      List<AttachmentOut> attachments,
      List<Receipt> receipts,
      String onBehalfOf,
      String onBehalfOfName) {

    static MessageOut of(MessageDetail m, long threadId, UriBuilder base) {
      return new MessageOut(
          m.getId(),
          m.getAuthor(),
          m.getAuthorName(),
          m.getSentAt(),
          m.getBody(),
          m.isReadReceipt(),
          m.getAttachments().stream()
              .map(a -> AttachmentOut.of(a, threadId, base.clone()))
              .toList(),
          m.getReceipts().stream().map(Receipt::of).toList(),
          m.getOnBehalfOf(),
          m.getOnBehalfOfName());
    }
  }

  /** An opened thread. */
  public record ThreadOut(
      long id,
      String subject,
      String subjectLine,
      String category,
      String patient,
      String to,
      String status,
      List<MessageOut> messages,
      @JsonbNillable Assignee assignee,
      @JsonbNillable Instant dueBy,
      @JsonbNillable String escalation,
      List<HistoryLine> history,
      @JsonbNillable String requestStatus,
      List<Forwarded> forwardedTo,
      List<ForwardOut> forwards,
      boolean filed,
      boolean archived) {

    static ThreadOut of(ThreadDetail thread, UriBuilder base) {
      ThreadSummary t = thread.getSummary();
      return new ThreadOut(
          t.getId(),
          t.getSubject(),
          t.getSubjectLine(),
          t.getCategory().name(),
          t.getPatient(),
          t.getRecipientAddress(),
          t.getStatus().name(),
          thread.getMessages().stream()
              .map(m -> MessageOut.of(m, t.getId(), base.clone()))
              .toList(),
          Assignee.of(t),
          t.getDueBy(),
          t.getEscalation() == null ? null : t.getEscalation().name(),
          thread.getHistory().stream().map(HistoryLine::of).toList(),
          requestStatusOf(t),
          Forwarded.of(t),
          thread.getForwards().stream().map(ForwardOut::of).toList(),
          t.isFiled(),
          t.isArchived());
    }
  }
}

package org.patientportal.messaging.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.messaging.control.MessageWriter;
import org.patientportal.messaging.control.ReadMarks;
import org.patientportal.messaging.control.ThreadQueries;
import org.patientportal.messaging.control.TurnaroundPolicy;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.Message;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.RecipientKind;
import org.patientportal.messaging.entity.RequestStatus;
import org.patientportal.messaging.entity.ThreadEvent;

/**
 * Messaging's side of requests (the {@code requests} feature decides who may file or change one): a
 * request becomes a thread addressed to a care team's pool, its first message stating what was
 * asked, waiting for the team with the category's turnaround; each change of its status is a
 * message of its note plus a step of the thread's history, both seen by the patient. Runs in the
 * caller's transaction (MANDATORY); writes are sealed like every message, and audited as
 * MESSAGE_SENT. Sends no email: the requests feature sends its own, which say less.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RequestThreads {

  @PersistenceContext EntityManager em;
  @Inject MessageWriter writer;
  @Inject ThreadQueries threads;
  @Inject ReadMarks marks;
  @Inject TurnaroundPolicy turnaround;
  @Inject AuditLog audit;

  /**
   * A new request's thread to the pool {@code poolCode}, started by {@code author} (the patient, or
   * a member of their team on their behalf), in status SUBMITTED.
   *
   * @return the thread's id
   */
  public long open(
      String patient,
      String author,
      Category category,
      String poolCode,
      String subject,
      String body,
      Instant at) {
    long threadId = writer.nextThreadId();
    MessageThread thread =
        writer.thread(
            threadId, patient, category, RecipientKind.POOL, poolCode, author, at, subject);
    Message message = post(thread, author, at, body);
    // a request waits for its team whoever filed it
    TurnaroundPolicy.Due due = turnaround.due(category, at);
    thread.waitingFromPatient(due.dueBy(), due.halfway());
    thread.requestStatus(RequestStatus.SUBMITTED);
    return message.getThread().getId();
  }

  /**
   * {@code actor} moved the request of thread {@code threadId} to {@code status} with {@code note}:
   * the note is a message of the thread, the change a step of its history.
   */
  public void statusChanged(
      long threadId, String actor, RequestStatus status, String note, Instant at) {
    MessageThread thread = threads.find(threadId);
    if (thread == null) {
      throw new IllegalStateException("A request's thread is missing: " + threadId);
    }
    threads.lockForWriting(thread);
    post(thread, actor, at, note);
    thread.requestStatus(status);
    em.persist(
        new ThreadEvent(threadId, at, ThreadEvent.Kind.STATUS_CHANGED, actor, status.name()));
  }

  private Message post(MessageThread thread, String author, Instant at, String body) {
    Message message =
        writer.message(writer.nextMessageId(), thread, author, at, body, false, List.of());
    marks.readThrough(thread.getId(), author, message.getId(), at);
    audit.record(
        author,
        thread.getPatient(),
        AuditAction.MESSAGE_SENT,
        "message/" + message.getId(),
        AuditOutcome.SUCCESS);
    return message;
  }
}

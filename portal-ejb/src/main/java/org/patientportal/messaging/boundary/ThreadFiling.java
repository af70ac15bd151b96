package org.patientportal.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.care.boundary.Addressing;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.control.Readers;
import org.patientportal.messaging.control.ThreadAccess;
import org.patientportal.messaging.control.ThreadQueries;
import org.patientportal.messaging.control.ThreadReading;
import org.patientportal.messaging.entity.Attachment;
import org.patientportal.messaging.entity.FilingChoice;
import org.patientportal.messaging.entity.FilingCopy;
import org.patientportal.messaging.entity.Message;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.RecipientKind;
import org.patientportal.messaging.entity.ThreadEvent;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * Messaging's side of filing into the medical record: only a clinician on the thread's care team
 * side ({@link ThreadAccess#careSide}: addressed, of its pool, covering, given or forwarded it) may
 * take a copy of it to file, and the thread then shows that it was filed (in its history too, which
 * its patient sees). Anyone else finds no such thread, and the refusal is audited.
 */
@Stateless
@RolesAllowed(Roles.CLINICIAN)
public class ThreadFiling {

  @Resource SessionContext session;
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @EJB AuditService auditService;
  @Inject CareDirectory care;
  @Inject Addressing addressing;
  @Inject People people;
  @Inject Crypto crypto;
  @Inject ThreadQueries threads;
  @Inject Readers readers;
  @Inject ThreadReading reading;

  /**
   * The thread's messages to file: those of {@code messageIds}, or all when none are named.
   *
   * @throws InvalidInputException (field "messageIds") when one is not a message of the thread
   */
  public FilingCopy copy(long threadId, List<Long> messageIds) {
    MessageThread thread = onCareSide(threadId);
    List<Message> all = threads.messages(thread);
    List<Message> chosen;
    if (messageIds == null || messageIds.isEmpty()) {
      chosen = all;
    } else {
      Set<Long> wanted = new HashSet<>(messageIds);
      chosen = all.stream().filter(m -> wanted.contains(m.getId())).toList();
      if (chosen.size() != wanted.size()) {
        throw new InvalidInputException("messageIds", "{records.filing.messages.notInThread}");
      }
    }
    if (chosen.isEmpty()) {
      throw new InvalidInputException("messageIds", "{records.filing.messages.empty}");
    }
    ThreadReading.Names names = reading.namesFor(thread, chosen);
    List<FilingCopy.Filed> filed = new ArrayList<>(chosen.size());
    for (Message m : chosen) {
      List<String> files = new ArrayList<>();
      for (Attachment a : m.getAttachments()) {
        files.add(crypto.open(a.getFilename(), a.filenameOwner()));
      }
      filed.add(
          new FilingCopy.Filed(
              m.getId(),
              m.getAuthor(),
              names.person(m.getAuthor()),
              m.getAuthor().equals(thread.getPatient()),
              m.getSentAt(),
              crypto.open(m.getBody(), m.bodyOwner()),
              files));
    }
    boolean toPool = thread.getRecipientKind() == RecipientKind.POOL;
    return new FilingCopy(
        thread.getId(),
        thread.getPatient(),
        names.person(thread.getPatient()),
        people.medicalRecordNumbers(Set.of(thread.getPatient())).get(thread.getPatient()),
        thread.getCategory(),
        crypto.open(thread.getSubject(), thread.subjectOwner()),
        (toPool ? "pool:" : "") + thread.getRecipient(),
        toPool ? names.pool(thread.getRecipient()) : names.person(thread.getRecipient()),
        filed);
  }

  /**
   * The thread's messages, to choose from when filing: who wrote each and when, never its text
   * (nothing is opened, so nothing is audited as read).
   */
  public List<FilingChoice> choices(long threadId) {
    MessageThread thread = onCareSide(threadId);
    List<Message> all = threads.messages(thread);
    ThreadReading.Names names = reading.namesFor(thread, all);
    return all.stream()
        .map(m -> new FilingChoice(m.getId(), names.person(m.getAuthor()), m.getSentAt()))
        .toList();
  }

  /** Marks the thread filed, in its history too (the caller filed it). */
  public void filed(long threadId) {
    MessageThread thread = onCareSide(threadId);
    thread.filed(clock.instant());
    em.persist(
        new ThreadEvent(
            threadId,
            clock.instant(),
            ThreadEvent.Kind.FILED,
            session.getCallerPrincipal().getName(),
            null));
  }

  private MessageThread onCareSide(long threadId) {
    String me = session.getCallerPrincipal().getName();
    ThreadAccess access = readers.of(session);
    MessageThread thread = threads.find(threadId);
    if (thread == null || !access.careSide(thread)) {
      auditService.recordDenied("thread/" + threadId, thread == null ? null : thread.getPatient());
      throw new NotFoundException("{messaging.thread.notFound}");
    }
    return thread;
  }
}

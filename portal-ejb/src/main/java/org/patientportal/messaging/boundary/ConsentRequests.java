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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.consent.boundary.Agreements;
import org.patientportal.consent.entity.SensitiveTopic;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.control.Readers;
import org.patientportal.messaging.control.ThreadAccess;
import org.patientportal.messaging.control.ThreadQueries;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.ConsentRequest;
import org.patientportal.messaging.entity.ConsentRequestDetail;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.Reply;
import org.patientportal.messaging.entity.StartThread;
import org.patientportal.platform.boundary.Ids;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * Asking the patient for their agreement to sensitive topics, and their answer. A clinician on the
 * care team's side of a thread asks in it (or in a new thread to the patient): a message is added
 * (its text names no topic; the email it causes is the usual generic one) and a request bound to
 * it, whose topics are sealed, audited as CONSENT_REQUESTED. The patient answers each topic once,
 * agree or decline, in the portal: their agreements change ({@link Agreements}, history and audit
 * entry per topic, naming the request). Readers of the thread see its requests and whether they
 * were answered; anyone else is answered as not found and audited as ACCESS_DENIED.
 */
@Stateless
@RolesAllowed({Roles.PATIENT, Roles.CLINICIAN, Roles.STAFF})
public class ConsentRequests {

  /** The request's message: no topic in it (the care team's side may include pool staff). */
  public static final String MESSAGE =
      "Your care team asks for your agreement before writing to you about some topics. Please"
          + " answer in the portal, on this conversation's page.\n\n"
          + "Su equipo de atención le pide su consentimiento antes de escribirle sobre algunos"
          + " temas. Responda en el portal, en la página de esta conversación.";

  /** The subject of a new thread made for a request. */
  public static final String SUBJECT = "Your agreement, please / Su consentimiento, por favor";

  @Resource SessionContext session;
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @EJB AuditService auditService;
  @EJB MessagingService messaging;
  @Inject Readers readers;
  @Inject ThreadQueries threads;
  @Inject Agreements agreements;
  @Inject Crypto crypto;
  @Inject Ids ids;

  /** A clinician on the thread's care team side asks its patient to agree to {@code topics}. */
  @RolesAllowed(Roles.CLINICIAN)
  public ConsentRequestDetail ask(long threadId, Set<SensitiveTopic> topics) {
    requireTopics(topics);
    ThreadAccess access = readers.of(session);
    MessageThread thread = threads.find(threadId);
    if (thread == null || !access.careSide(thread)) {
      throw deny("thread/" + threadId, thread == null ? null : thread.getPatient());
    }
    long messageId = messaging.reply(new Reply(threadId, MESSAGE, false, List.of()));
    return request(thread, messageId, topics);
  }

  /**
   * A clinician asks a patient they care for, in a new thread to the patient (replies come to the
   * clinician), as {@link #ask(long, Set)} does.
   */
  @RolesAllowed(Roles.CLINICIAN)
  public ConsentRequestDetail askInNewThread(String patient, Set<SensitiveTopic> topics) {
    requireTopics(topics);
    long threadId =
        messaging.startThread(
            new StartThread(null, Category.GENERAL, SUBJECT, MESSAGE, false, List.of(), patient));
    MessageThread thread = threads.find(threadId);
    return request(thread, thread.getLastMessageId(), topics);
  }

  private ConsentRequestDetail request(
      MessageThread thread, long messageId, Set<SensitiveTopic> topics) {
    String me = session.getCallerPrincipal().getName();
    long id = ids.next("consent_request_seq");
    ConsentRequest request =
        new ConsentRequest(
            id,
            thread.getId(),
            messageId,
            thread.getPatient(),
            me,
            clock.instant(),
            crypto.seal(SensitiveTopic.join(topics), ConsentRequest.owner(id)));
    em.persist(request);
    audit.record(
        me,
        thread.getPatient(),
        AuditAction.CONSENT_REQUESTED,
        "consent-request/" + id + " thread/" + thread.getId(),
        AuditOutcome.SUCCESS);
    return detail(request);
  }

  /**
   * The requests of a thread the caller may read, oldest first: for its patient and clinicians (the
   * topics asked about are not pool staff's to know, as flagged messages are not).
   */
  @RolesAllowed({Roles.PATIENT, Roles.CLINICIAN})
  public List<ConsentRequestDetail> ofThread(long threadId) {
    ThreadAccess access = readers.of(session);
    MessageThread thread = threads.find(threadId);
    if (thread == null || !access.mayRead(thread)) {
      throw deny("thread/" + threadId, thread == null ? null : thread.getPatient());
    }
    return em
        .createNamedQuery(ConsentRequest.OF_THREAD, ConsentRequest.class)
        .setParameter("thread", threadId)
        .getResultList()
        .stream()
        .map(this::detail)
        .toList();
  }

  /** The calling patient's requests not answered yet, oldest first. */
  @RolesAllowed(Roles.PATIENT)
  public List<ConsentRequestDetail> openOfMine() {
    return em
        .createNamedQuery(ConsentRequest.OPEN_OF_PATIENT, ConsentRequest.class)
        .setParameter("patient", session.getCallerPrincipal().getName())
        .getResultList()
        .stream()
        .map(this::detail)
        .toList();
  }

  /**
   * The calling patient answers a request of theirs: every topic it asks about, agree (true) or
   * decline (false); other topics are refused. Once only.
   *
   * @return the patient's agreements now
   */
  @RolesAllowed(Roles.PATIENT)
  public Map<SensitiveTopic, Boolean> answer(long requestId, Map<SensitiveTopic, Boolean> answers) {
    String me = session.getCallerPrincipal().getName();
    ConsentRequest request = em.find(ConsentRequest.class, requestId);
    if (request == null || !request.getPatient().equals(me)) {
      auditService.recordDenied(
          "consent-request/" + requestId, request == null ? null : request.getPatient());
      throw new NotFoundException("{consent.request.notFound}");
    }
    if (request.isAnswered()) {
      throw new ConflictException("consent-request-answered", "{consent.request.answered}");
    }
    List<SensitiveTopic> asked = topicsOf(request);
    Map<SensitiveTopic, Boolean> chosen = new EnumMap<>(SensitiveTopic.class);
    for (SensitiveTopic t : asked) {
      Boolean a = answers.get(t);
      if (a == null) {
        throw new InvalidInputException(t.name(), "{consent.request.answer.missing}");
      }
      chosen.put(t, a);
    }
    for (SensitiveTopic t : answers.keySet()) {
      if (!asked.contains(t)) {
        throw new InvalidInputException(t.name(), "{consent.request.answer.missing}");
      }
    }
    Instant now = clock.instant();
    request.answer(now);
    agreements.change(me, chosen, me, requestId);
    return agreements.current(me);
  }

  private ConsentRequestDetail detail(ConsentRequest r) {
    return new ConsentRequestDetail(
        r.getId(),
        r.getThreadId(),
        r.getMessageId(),
        r.getRequestedBy(),
        r.getRequestedAt(),
        topicsOf(r),
        r.getAnsweredAt());
  }

  private List<SensitiveTopic> topicsOf(ConsentRequest r) {
    return new ArrayList<>(SensitiveTopic.parseList(crypto.open(r.getTopics(), r.owner())));
  }

  private static void requireTopics(Set<SensitiveTopic> topics) {
    if (topics == null || topics.isEmpty()) {
      throw new InvalidInputException(SensitiveTopic.FIELD, "{consent.request.topics.required}");
    }
  }

  private NotFoundException deny(String resource, String patient) {
    auditService.recordDenied(resource, patient);
    return new NotFoundException("{messaging.thread.notFound}");
  }
}

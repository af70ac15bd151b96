package org.patientportal.messaging.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.care.boundary.Addressing;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.care.entity.CareRecipient;
import org.patientportal.consent.boundary.Agreements;
import org.patientportal.consent.entity.ConsentRequiredException;
import org.patientportal.consent.entity.SensitiveTopic;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.control.AttachmentLimits;
import org.patientportal.messaging.control.GuidelinesAcceptances;
import org.patientportal.messaging.control.MessageWriter;
import org.patientportal.messaging.control.NewMessageNotices;
import org.patientportal.messaging.control.ReadMarks;
import org.patientportal.messaging.control.Readers;
import org.patientportal.messaging.control.SubjectIndex;
import org.patientportal.messaging.control.SubjectWords;
import org.patientportal.messaging.control.Submissions;
import org.patientportal.messaging.control.ThreadAccess;
import org.patientportal.messaging.control.ThreadEvents;
import org.patientportal.messaging.control.ThreadQueries;
import org.patientportal.messaging.control.ThreadReading;
import org.patientportal.messaging.control.ThreadRow;
import org.patientportal.messaging.control.ThreadTeams;
import org.patientportal.messaging.control.TurnaroundPolicy;
import org.patientportal.messaging.entity.Attachment;
import org.patientportal.messaging.entity.AttachmentDownload;
import org.patientportal.messaging.entity.AttachmentPolicy;
import org.patientportal.messaging.entity.Message;
import org.patientportal.messaging.entity.MessageDetail;
import org.patientportal.messaging.entity.MessageReceipt;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.NewAttachment;
import org.patientportal.messaging.entity.ReceiptDetail;
import org.patientportal.messaging.entity.RecipientKind;
import org.patientportal.messaging.entity.Reply;
import org.patientportal.messaging.entity.StartThread;
import org.patientportal.messaging.entity.ThreadDetail;
import org.patientportal.messaging.entity.ThreadEvent;
import org.patientportal.messaging.entity.ThreadForward;
import org.patientportal.messaging.entity.ThreadListQuery;
import org.patientportal.messaging.entity.ThreadPage;
import org.patientportal.messaging.entity.ThreadStarted;
import org.patientportal.messaging.entity.ThreadStatus;
import org.patientportal.messaging.entity.ThreadSummary;
import org.patientportal.shared.boundary.Commands;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.ForbiddenException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * Secure messaging's edge: every read and write of a thread goes through here, in one transaction,
 * with the caller's authority checked against the thread by {@link ThreadAccess} (never trusted
 * from an id). Anything refused is answered as not found and audited as ACCESS_DENIED in its own
 * transaction; every message shown is audited as MESSAGE_OPENED in this one. The rules live in the
 * controls: {@link ThreadAccess} (who sees what), {@link Addressing} (who may be written to), the
 * commands' constraints (what input is valid), {@link ThreadQueries} and {@link ThreadReading} (the
 * read model), {@link MessageWriter} (sealed writes), {@link ReadMarks}, {@link NewMessageNotices}.
 */
@Stateless
@RolesAllowed({
  Roles.PATIENT,
  Roles.PROXY,
  Roles.CLINICIAN,
  Roles.STAFF,
  Roles.COMMUNICATIONS,
  Roles.AUDITOR,
  Roles.ADMIN
})
public class MessagingService {

  private static final String NOT_FOUND = "{messaging.thread.notFound}";

  @Resource SessionContext session;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @EJB AuditService auditService;
  @Inject CareDirectory care;
  @Inject Addressing addressing;
  @Inject People people;
  @Inject Commands commands;
  @Inject GuidelinesAcceptances guidelines;
  @Inject ThreadQueries threads;
  @Inject Readers readers;
  @Inject ThreadReading reading;
  @Inject MessageWriter writer;
  @Inject ReadMarks marks;
  @Inject NewMessageNotices notices;
  @Inject Submissions submissions;
  @Inject SubjectIndex subjects;
  @Inject TurnaroundPolicy turnaround;
  @Inject ThreadTeams teams;
  @Inject ThreadEvents events;
  @Inject Agreements agreements;

  private AttachmentPolicy attachmentPolicy;

  @Inject AttachmentLimits limits;

  @PostConstruct
  void configure() {
    attachmentPolicy = limits.policy();
  }

  /** The limits on attachments, for forms to state. */
  public AttachmentPolicy attachmentPolicy() {
    return attachmentPolicy;
  }

  // --- writing

  /** Who the calling patient may write to: their care team's pools and clinicians. */
  @RolesAllowed(Roles.PATIENT)
  public List<CareRecipient> recipients() {
    return care.recipientsFor(caller());
  }

  /**
   * Who one may write to for {@code patient}: the caller's own care team (a patient, naming no one
   * else), or that of the patient a caregiver acts for now; anyone else's is not found.
   */
  @RolesAllowed({Roles.PATIENT, Roles.PROXY})
  public List<CareRecipient> recipients(String patient) {
    ThreadAccess access = access();
    if (access.hasRole(Roles.PATIENT)
        && (patient == null || patient.isEmpty() || patient.equals(access.reader()))) {
      return care.recipientsFor(access.reader());
    }
    if (!access.mayActFor(patient)) {
      throw deny("patient/" + (patient == null ? "" : patient), patient);
    }
    return care.recipientsFor(patient);
  }

  /**
   * Starts a thread (see {@link StartThread} for who may write to whom); a patient must have
   * accepted the guidelines.
   *
   * @return the new thread's id
   */
  @RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.CLINICIAN})
  public long startThread(StartThread command) {
    return start(command).threadId();
  }

  /**
   * Starts a thread as {@link #startThread} does, and says who took it: a patient's message to a
   * clinician who is away today goes to the colleague covering for them (decided here, from {@link
   * Addressing#coverFor}, in this transaction, so a change of cover counts for the next message),
   * and the routing is audited as MESSAGE_ROUTED_TO_COVER.
   */
  @RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.CLINICIAN})
  public ThreadStarted start(StartThread command) {
    return start(command, Set.of());
  }

  /**
   * Starts a thread as {@link #start(StartThread)} does, its message flagged with sensitive {@code
   * topics}: refused ({@link ConsentRequiredException}, audited as CONSENT_REQUIRED) when the care
   * team writes about a topic the patient has not agreed to.
   */
  @RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.CLINICIAN})
  public ThreadStarted start(StartThread command, Set<SensitiveTopic> topics) {
    ThreadAccess access = access();
    String me = access.reader();
    StartThread c = commands.valid(command);
    attachmentPolicy.check(c.attachments());
    String patient;
    CareRecipient to;
    CareRecipient addressed = null;
    String onBehalfOf = null;
    if (access.hasRole(Roles.PATIENT) && (c.patient() == null || c.patient().equals(me))) {
      guidelines.require(me);
      patient = me;
      to = addressing.fromPatient(me, c.to());
      Optional<CareRecipient> cover = addressing.coverFor(to);
      if (cover.isPresent()) {
        addressed = to;
        to = cover.get();
      }
    } else if (access.hasRole(Roles.CLINICIAN)) {
      if (c.patient() == null || c.patient().isEmpty()) {
        throw new InvalidInputException("patient", "{messaging.patient.required}");
      }
      patient = c.patient();
      to =
          addressing
              .fromClinician(me, patient, c.to())
              .orElseThrow(() -> deny("patient/" + c.patient(), c.patient()));
    } else if (access.mayActFor(c.patient())) {
      // a caregiver writes for the patient they act for, to the patient's care team
      patient = c.patient();
      onBehalfOf = patient;
      to = addressing.fromPatient(patient, c.to());
      Optional<CareRecipient> cover = addressing.coverFor(to);
      if (cover.isPresent()) {
        addressed = to;
        to = cover.get();
      }
    } else {
      // a proxy without a grant in force (or none named), or anyone else
      throw deny("patient/" + (c.patient() == null ? "" : c.patient()), c.patient());
    }
    requireConsent(me, patient, topics, "patient/" + patient);
    Instant now = clock.instant();
    long threadId = writer.nextThreadId();
    long messageId = writer.nextMessageId();
    if (c.idempotencyKey() != null && !c.idempotencyKey().isEmpty()) {
      Optional<Submissions.First> first =
          submissions.claim(me, c.idempotencyKey(), threadId, messageId, now);
      if (first.isPresent()) {
        return startedBefore(first.get().threadId(), c.to());
      }
    }
    MessageThread thread =
        writer.thread(
            threadId, patient, c.category(), kind(to), to.getName(), me, now, c.subject());
    post(
        messageId, thread, me, onBehalfOf, now, c.body(), c.readReceipt(), c.attachments(), topics);
    if (addressed == null) {
      return ThreadStarted.direct(threadId);
    }
    audit.recordOnBehalf(
        me,
        onBehalfOf,
        patient,
        AuditAction.MESSAGE_ROUTED_TO_COVER,
        "thread/" + threadId + " for " + addressed.getName() + " to " + to.getName(),
        AuditOutcome.SUCCESS);
    return covered(threadId, to.getName(), addressed.getName());
  }

  /** A repeated request answers as the first did: who took the thread it started. */
  private ThreadStarted startedBefore(long threadId, String to) {
    MessageThread thread = threads.find(threadId);
    String addressed = to == null ? "" : to.strip();
    if (thread != null
        && thread.getRecipientKind() == RecipientKind.USER
        && !addressed.startsWith(CareRecipient.POOL_PREFIX)
        && !thread.getRecipient().equals(addressed)
        && !thread.getRecipient().equals(thread.getStartedBy())) {
      return covered(threadId, thread.getRecipient(), addressed);
    }
    return ThreadStarted.direct(threadId);
  }

  private ThreadStarted covered(long threadId, String cover, String addressed) {
    Map<String, String> names = people.displayNames(Set.of(cover, addressed));
    return new ThreadStarted(threadId, cover, names.get(cover), addressed, names.get(addressed));
  }

  /** Adds a message to a thread the caller takes part in; returns the message's id. */
  public long reply(Reply command) {
    return reply(command, Set.of());
  }

  /**
   * Adds a message flagged with sensitive {@code topics} to a thread the caller takes part in, as
   * {@link #reply(Reply)} does; refused as {@link #start(StartThread, Set)} refuses.
   */
  public long reply(Reply command, Set<SensitiveTopic> topics) {
    ThreadAccess access = access();
    MessageThread thread = visibleThread(command.threadId(), access);
    Reply r = commands.valid(command);
    attachmentPolicy.check(r.attachments());
    if (access.patientSide(thread)) {
      guidelines.require(access.reader());
    }
    requireConsent(access.reader(), thread.getPatient(), topics, "thread/" + thread.getId());
    // replies to one thread take turns (the thread's row is locked until commit)
    threads.lockForWriting(thread);
    Instant now = clock.instant();
    long messageId = writer.nextMessageId();
    if (r.idempotencyKey() != null && !r.idempotencyKey().isEmpty()) {
      Optional<Submissions.First> first =
          submissions.claim(access.reader(), r.idempotencyKey(), thread.getId(), messageId, now);
      if (first.isPresent()) {
        if (first.get().threadId() != thread.getId()) {
          throw new ConflictException(
              "idempotency-key-reused", "{messaging.idempotencyKey.reused}");
        }
        return first.get().messageId();
      }
    }
    return post(
            messageId,
            thread,
            access.reader(),
            onBehalfOf(access, thread),
            now,
            r.body(),
            r.readReceipt(),
            r.attachments(),
            topics)
        .getId();
  }

  /**
   * The care team may flag a message only with topics the patient agreed to; the patient writes
   * about their own matters as they wish. A refusal is audited (in its own transaction, as this one
   * rolls back) without naming the topics, and names them to the author.
   */
  private void requireConsent(
      String author, String patient, Set<SensitiveTopic> topics, String resource) {
    if (topics.isEmpty() || author.equals(patient)) {
      return;
    }
    Set<SensitiveTopic> missing = agreements.missing(patient, topics);
    if (!missing.isEmpty()) {
      auditService.recordRefused(AuditAction.CONSENT_REQUIRED, resource, patient);
      throw new ConsentRequiredException(missing);
    }
  }

  private Message post(
      long messageId,
      MessageThread thread,
      String author,
      String onBehalfOf,
      Instant at,
      String body,
      boolean readReceipt,
      List<NewAttachment> attachments,
      Set<SensitiveTopic> topics) {
    boolean wasDone = thread.getStatus() == ThreadStatus.DONE;
    Message message =
        writer.message(messageId, thread, author, onBehalfOf, at, body, readReceipt, attachments);
    writer.topics(message, topics);
    if (author.equals(thread.getPatient()) || onBehalfOf != null) {
      TurnaroundPolicy.Due due = turnaround.due(thread.getCategory(), at);
      thread.waitingFromPatient(due.dueBy(), due.halfway());
    }
    if (wasDone && thread.getStatus() == ThreadStatus.OPEN) {
      // the patient wrote in a done thread: it is back in the queue, and its history says so
      events.record(thread, ThreadEvent.Kind.REOPENED, author, null, at);
      audit.recordOnBehalf(
          author,
          onBehalfOf,
          thread.getPatient(),
          AuditAction.THREAD_REOPENED,
          "thread/" + thread.getId(),
          AuditOutcome.SUCCESS);
    }
    marks.sent(thread.getId(), author, message.getId(), at);
    audit.recordOnBehalf(
        author,
        onBehalfOf,
        thread.getPatient(),
        AuditAction.MESSAGE_SENT,
        "message/" + message.getId(),
        AuditOutcome.SUCCESS);
    notices.send(thread, message);
    return message;
  }

  private static RecipientKind kind(CareRecipient to) {
    return to.getKind() == CareRecipient.Kind.POOL ? RecipientKind.POOL : RecipientKind.USER;
  }

  // --- reading

  /**
   * One page of the caller's threads: a patient's own, and (for clinicians and staff) those of
   * their work queue, that match the query, in the order it asks for (see {@link ThreadListQuery}).
   * Other roles see an empty list. Only the page's subjects are opened. A search's words are turned
   * into blind-index tokens here and matched against the caller's visible threads only.
   */
  public ThreadPage threads(ThreadListQuery query) {
    ThreadAccess access = access();
    if (access.hasRole(Roles.PROXY)
        && !access.hasRole(Roles.PATIENT)
        && !access.worksPools()
        && query.patient() != null
        && !access.mayActFor(query.patient())) {
      // a caregiver lists the threads of a patient they act for now (naming none: an empty list)
      throw deny("patient/" + query.patient(), query.patient());
    }
    List<Long> tokens = List.of();
    if (query.search() != null) {
      tokens = subjects.tokens(query.search());
      if (tokens.isEmpty()) {
        throw new InvalidInputException(
            "q", "{messaging.list.search.tooShort}", Map.of("min", SubjectWords.MIN_LENGTH));
      }
    }
    ThreadQueries.Page page = threads.page(access, query, tokens);
    return new ThreadPage(reading.summaries(page.rows(), access.reader()), page.next());
  }

  /**
   * Opens a thread: its messages in order, each audited as MESSAGE_OPENED, read receipts recorded
   * for the messages that asked for one, and the thread marked read for the caller.
   */
  public ThreadDetail open(long threadId) {
    return open(threadId, null);
  }

  /**
   * Opens a thread as {@link #open(long)} does; a caregiver may name the patient they act for
   * ({@code patient}), and a thread of anyone else is then not found.
   */
  public ThreadDetail open(long threadId, String patient) {
    ThreadAccess access = access();
    String me = access.reader();
    ThreadRow row = threads.findForReader(threadId, me);
    MessageThread thread = row == null ? null : row.thread();
    if (thread == null
        || !access.mayRead(thread)
        || (patient != null && !patient.isEmpty() && !patient.equals(thread.getPatient()))) {
      throw deny("thread/" + threadId, thread == null ? null : thread.getPatient());
    }
    String onBehalfOf = onBehalfOf(access, thread);
    Instant now = clock.instant();
    List<Message> messages = threads.messages(thread);
    Set<Long> receipted = marks.receiptedBy(threadId, me);
    List<ThreadForward> forwards =
        threads.forwardsOf(List.of(thread.getId())).getOrDefault(thread.getId(), List.of());
    ThreadReading.Names names = reading.namesFor(thread, messages, forwards);
    List<MessageDetail> details = reading.messages(thread, messages, me, names);
    List<MessageReceipt> receipts = new ArrayList<>();
    for (Message m : messages) {
      audit.recordOnBehalf(
          me,
          onBehalfOf,
          thread.getPatient(),
          AuditAction.MESSAGE_OPENED,
          "message/" + m.getId(),
          AuditOutcome.SUCCESS);
      if (m.isReadReceipt() && !m.getAuthor().equals(me) && !receipted.contains(m.getId())) {
        receipts.add(new MessageReceipt(m, me, now));
      }
    }
    marks.receipts(receipts);
    if (thread.getLastMessageId() != null) {
      marks.readThrough(threadId, me, thread.getLastMessageId(), now, row.readThroughId());
    }
    if (access.coverSide(thread) && !access.patientSide(thread)) {
      audit.record(
          me,
          thread.getPatient(),
          AuditAction.COVER_ACCESS,
          "thread/" + threadId + " covering " + thread.getRecipient(),
          AuditOutcome.SUCCESS);
    }
    if (access.staffSide(thread) && !access.patientSide(thread)) {
      audit.record(
          me,
          thread.getPatient(),
          AuditAction.STAFF_ACCESS,
          "thread/" + threadId + " for " + thread.getRecipient(),
          AuditOutcome.SUCCESS);
    }
    // visibleThread() has shown that a reader who is not the patient is on the care team's side
    boolean careTeam =
        (!access.patientSide(thread) && onBehalfOf == null) || access.careSide(thread);
    List<ThreadDetail.TeamMember> team = List.of();
    boolean lead = false;
    if (careTeam) {
      List<org.patientportal.care.entity.CarePool> pools = teams.of(thread);
      Map<String, org.patientportal.care.entity.PoolRole> members = teams.members(pools);
      Map<String, String> memberNames = reading.displayNames(members.keySet());
      team =
          members.entrySet().stream()
              .map(
                  m ->
                      new ThreadDetail.TeamMember(
                          m.getKey(),
                          memberNames.getOrDefault(m.getKey(), m.getKey()),
                          m.getValue().name()))
              .toList();
      lead = teams.leads(pools).contains(me);
    }
    ThreadSummary summary =
        reading
            .summary(thread, null, me, names)
            .forwarded(reading.forwardedTo(forwards, names))
            .archived(row.archived());
    return new ThreadDetail(summary, details, careTeam)
        .handling(reading.history(threadId), team, lead)
        .forwards(careTeam ? reading.forwardNotes(forwards, names) : List.of());
  }

  /** The most unread threads {@link #unreadCount()} counts; more shows as "99+". */
  public static final int UNREAD_CAP = 99;

  /**
   * How many threads are unread for the caller, up to {@link #UNREAD_CAP} + 1: a patient's inbox
   * (archived threads left out), or the open threads of a clinician's or staff member's work queue.
   * Bounded: each index range of the list is read for at most that many keys (see {@link
   * ThreadQueries#unreadCount}); roles without threads ask nothing.
   */
  public int unreadCount() {
    ThreadAccess access = access();
    if (!access.hasRole(Roles.PATIENT) && !access.worksPools()) {
      return 0;
    }
    return threads.unreadCount(access, UNREAD_CAP);
  }

  /**
   * The calling patient archives one of their threads: it leaves their inbox for their Archived
   * view until a new message comes (nobody else's view changes). Another patient's thread, or one
   * that does not exist, is not found (audited as ACCESS_DENIED); the care team's side, which has
   * no inbox to archive from, is refused as forbidden (audited too).
   */
  public void archive(long threadId) {
    MessageThread thread = ownThread(threadId);
    long through = thread.getLastMessageId() == null ? 0L : thread.getLastMessageId();
    marks.archive(threadId, thread.getPatient(), through, clock.instant());
    audit.record(
        thread.getPatient(),
        thread.getPatient(),
        AuditAction.THREAD_ARCHIVED,
        "thread/" + threadId,
        AuditOutcome.SUCCESS);
  }

  /** The calling patient brings an archived thread back to their inbox (as {@link #archive}). */
  public void unarchive(long threadId) {
    MessageThread thread = ownThread(threadId);
    marks.unarchive(threadId, thread.getPatient());
    audit.record(
        thread.getPatient(),
        thread.getPatient(),
        AuditAction.THREAD_UNARCHIVED,
        "thread/" + threadId,
        AuditOutcome.SUCCESS);
  }

  private MessageThread ownThread(long threadId) {
    ThreadAccess access = access();
    MessageThread thread = visibleThread(threadId, access);
    if (!access.patientSide(thread)) {
      // audited as ACCESS_DENIED where the refusal is answered (problem+json mapper)
      throw new ForbiddenException("{messaging.archive.patientOnly}");
    }
    return thread;
  }

  /** The read receipts of the caller's own messages in a thread they take part in. */
  public List<ReceiptDetail> receipts(long threadId) {
    ThreadAccess access = access();
    MessageThread thread = visibleThread(threadId, access);
    List<Message> mine = threads.receiptedMessagesOf(thread, access.reader());
    return reading.receiptsOf(threadId, access.reader(), mine).values().stream()
        .flatMap(List::stream)
        .toList();
  }

  /** An attachment's content, for a reader of its thread; audited as ATTACHMENT_DOWNLOADED. */
  public AttachmentDownload download(long threadId, long attachmentId) {
    ThreadAccess access = access();
    Attachment attachment = reading.attachment(attachmentId);
    MessageThread thread = attachment == null ? null : attachment.getMessage().getThread();
    if (thread == null || !thread.getId().equals(threadId) || !access.mayRead(thread)) {
      throw deny("attachment/" + attachmentId, thread == null ? null : thread.getPatient());
    }
    AttachmentDownload download = reading.download(attachment);
    audit.recordOnBehalf(
        access.reader(),
        onBehalfOf(access, thread),
        thread.getPatient(),
        AuditAction.ATTACHMENT_DOWNLOADED,
        "attachment/" + attachmentId,
        AuditOutcome.SUCCESS);
    return download;
  }

  /** The care team marks a thread done; the patient's next message opens it again. */
  @RolesAllowed({Roles.CLINICIAN, Roles.STAFF})
  public void markDone(long threadId) {
    ThreadAccess access = access();
    MessageThread thread = threads.find(threadId);
    if (thread == null || !access.careSide(thread)) {
      throw deny("thread/" + threadId, thread == null ? null : thread.getPatient());
    }
    thread.markDone(access.reader(), clock.instant());
    audit.record(
        access.reader(),
        thread.getPatient(),
        AuditAction.THREAD_DONE,
        "thread/" + threadId,
        AuditOutcome.SUCCESS);
  }

  // --- authority

  private ThreadAccess access() {
    return readers.of(session);
  }

  /**
   * The patient the reader acts for on this thread as their caregiver (audited with each action),
   * or null when the reader acts as themselves.
   */
  private static String onBehalfOf(ThreadAccess access, MessageThread thread) {
    return !access.patientSide(thread) && !access.careSide(thread) && access.actsAsProxy(thread)
        ? thread.getPatient()
        : null;
  }

  private MessageThread visibleThread(long threadId, ThreadAccess access) {
    MessageThread thread = threads.find(threadId);
    if (thread == null || !access.mayRead(thread)) {
      throw deny("thread/" + threadId, thread == null ? null : thread.getPatient());
    }
    return thread;
  }

  /** Audits a refusal (in its own transaction, as this one rolls back) and answers not found. */
  private NotFoundException deny(String resource, String patient) {
    auditService.recordDenied(resource, patient);
    return new NotFoundException(NOT_FOUND);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}

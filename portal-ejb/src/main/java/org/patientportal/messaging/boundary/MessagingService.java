package org.patientportal.messaging.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.CareRecipient;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.Roles;
import org.patientportal.mail.boundary.Notifications;
import org.patientportal.messaging.control.GuidelinesText;
import org.patientportal.messaging.entity.Attachment;
import org.patientportal.messaging.entity.AttachmentContent;
import org.patientportal.messaging.entity.AttachmentDetail;
import org.patientportal.messaging.entity.AttachmentDownload;
import org.patientportal.messaging.entity.AttachmentPolicy;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.Guidelines;
import org.patientportal.messaging.entity.GuidelinesAcceptance;
import org.patientportal.messaging.entity.Message;
import org.patientportal.messaging.entity.MessageDetail;
import org.patientportal.messaging.entity.MessageReceipt;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.NewAttachment;
import org.patientportal.messaging.entity.QueueFilter;
import org.patientportal.messaging.entity.ReceiptDetail;
import org.patientportal.messaging.entity.RecipientKind;
import org.patientportal.messaging.entity.ThreadDetail;
import org.patientportal.messaging.entity.ThreadStatus;
import org.patientportal.messaging.entity.ThreadSummary;
import org.patientportal.platform.boundary.Ids;
import org.patientportal.platform.boundary.Settings;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * Secure messaging's edge: every read and write of a thread goes through here, in one transaction,
 * with the caller's authority checked against the thread (never trusted from an id). A patient sees
 * their own threads; a clinician the threads addressed to them or to a pool they work; staff the
 * threads of their pools. Anything else is answered as not found and audited as ACCESS_DENIED.
 * Every message shown is audited as MESSAGE_OPENED in the same transaction.
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

  static final int QUEUE_LIMIT = 1000;
  private static final String NOT_FOUND =
      "There is no such conversation, or it is not yours to see.";

  @PersistenceContext EntityManager em;
  @Resource SessionContext session;
  @Inject Clock clock;
  @Inject Crypto crypto;
  @Inject AuditLog audit;
  @EJB AuditService auditService;
  @Inject CareDirectory care;
  @Inject People people;
  @Inject Notifications notifications;
  @Inject Ids ids;

  private AttachmentPolicy attachmentPolicy;
  private GuidelinesText guidelinesText;

  @PostConstruct
  void configure() {
    long maxMb =
        Long.parseLong(Settings.get("portal.attachment.max-mb", "PORTAL_ATTACHMENT_MAX_MB", "10"));
    int maxCount =
        Integer.parseInt(
            Settings.get("portal.attachment.max-count", "PORTAL_ATTACHMENT_MAX_COUNT", "5"));
    attachmentPolicy = new AttachmentPolicy(maxMb * 1024 * 1024, maxCount);
    guidelinesText = new GuidelinesText();
  }

  /** The limits on attachments, for forms to state. */
  public AttachmentPolicy attachmentPolicy() {
    return attachmentPolicy;
  }

  // --- guidelines

  /** The messaging guidelines in {@code language} (en or es), and whether the caller accepted. */
  public Guidelines guidelines(String language) {
    String shown = GuidelinesText.language(language);
    return new Guidelines(
        guidelinesText.version(),
        guidelinesText.sha256(),
        shown,
        guidelinesText.title(shown),
        guidelinesText.paragraphs(shown),
        hasAccepted(caller()));
  }

  /**
   * Records that the caller accepted the guidelines whose text has hash {@code sha256}, as read in
   * {@code language}. A hash of an older text is refused: the text changed since it was shown.
   */
  @RolesAllowed(Roles.PATIENT)
  public void acceptGuidelines(String sha256, String language) {
    if (!guidelinesText.sha256().equals(sha256)) {
      throw new InvalidInputException(
          "sha256", "The guidelines have changed since they were shown; please read them again.");
    }
    String me = caller();
    if (hasAccepted(me)) {
      return;
    }
    em.persist(
        new GuidelinesAcceptance(
            me,
            guidelinesText.version(),
            sha256,
            GuidelinesText.language(language),
            clock.instant()));
    audit.record(
        me,
        me,
        AuditAction.GUIDELINES_ACCEPTED,
        "guidelines/" + guidelinesText.version(),
        AuditOutcome.SUCCESS);
  }

  private boolean hasAccepted(String username) {
    return em.createNamedQuery(GuidelinesAcceptance.COUNT_FOR, Long.class)
            .setParameter("username", username)
            .setParameter("sha256", guidelinesText.sha256())
            .getSingleResult()
        > 0;
  }

  private void requireGuidelines(String patient) {
    if (!hasAccepted(patient)) {
      throw new ConflictException(
          "guidelines-not-accepted",
          "Please read and accept the messaging guidelines before you send a message.");
    }
  }

  // --- writing

  /** Who the calling patient may write to: their care team's pools and clinicians. */
  @RolesAllowed(Roles.PATIENT)
  public List<CareRecipient> recipients() {
    return care.recipientsFor(caller());
  }

  /**
   * Starts a thread. A patient writes to someone on their care team ({@code to}: a clinician's
   * username or "pool:" and a pool's code) after accepting the guidelines; a clinician writes to a
   * patient they care for ({@code patient}), the replies coming to them or to a pool of theirs
   * ({@code to}: empty, their username, or "pool:" and the code).
   *
   * @return the new thread's id
   */
  @RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.CLINICIAN})
  public long startThread(
      String to,
      String category,
      String subject,
      String body,
      boolean readReceipt,
      List<NewAttachment> attachments,
      String patient) {
    String me = caller();
    Category parsed = Category.parse(category);
    String cleanSubject = checkSubject(subject);
    String cleanBody = checkBody(body);
    List<NewAttachment> files = attachments == null ? List.of() : attachments;
    attachmentPolicy.check(files);

    String threadPatient;
    RecipientKind kind;
    String recipient;
    if (session.isCallerInRole(Roles.PATIENT) && (patient == null || patient.equals(me))) {
      threadPatient = me;
      requireGuidelines(me);
      if (to == null || to.isBlank()) {
        throw new InvalidInputException("to", "Choose who on your care team the message is for.");
      }
      CareRecipient r =
          care.recipient(me, to.strip())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "to", "You can write only to your care team; choose one of them."));
      kind = r.getKind() == CareRecipient.Kind.POOL ? RecipientKind.POOL : RecipientKind.USER;
      recipient = r.getName();
    } else if (session.isCallerInRole(Roles.CLINICIAN)) {
      if (patient == null || patient.isBlank()) {
        throw new InvalidInputException("patient", "Choose the patient the message is for.");
      }
      threadPatient = patient.strip();
      if (!care.onCareTeam(me, threadPatient)) {
        throw deny("patient/" + threadPatient, threadPatient);
      }
      if (to == null || to.isBlank() || to.strip().equals(me)) {
        kind = RecipientKind.USER;
        recipient = me;
      } else {
        String address = to.strip();
        String code =
            address.startsWith(CareRecipient.POOL_PREFIX)
                ? address.substring(CareRecipient.POOL_PREFIX.length())
                : null;
        if (code == null
            || !care.poolsOf(me).contains(code)
            || care.pool(code).map(p -> !p.caresFor(threadPatient)).orElse(true)) {
          throw new InvalidInputException(
              "to", "Replies can come to you or to a pool of yours that cares for the patient.");
        }
        kind = RecipientKind.POOL;
        recipient = code;
      }
    } else {
      // Proxies act for a patient only under a grant; none is known here.
      throw deny("patient/" + (patient == null ? "" : patient.strip()), patient);
    }

    long threadId = ids.next("message_thread_seq");
    MessageThread thread =
        new MessageThread(
            threadId,
            threadPatient,
            parsed,
            kind,
            recipient,
            me,
            clock.instant(),
            crypto.seal(cleanSubject, MessageThread.subjectOwner(threadId)));
    em.persist(thread);
    append(thread, me, cleanBody, readReceipt, files);
    return thread.getId();
  }

  /** Adds a message to a thread the caller takes part in; returns the message's id. */
  public long reply(long threadId, String body, boolean readReceipt, List<NewAttachment> files) {
    String me = caller();
    MessageThread thread = visibleThread(threadId);
    String cleanBody = checkBody(body);
    List<NewAttachment> attachments = files == null ? List.of() : files;
    attachmentPolicy.check(attachments);
    if (patientSide(thread, me)) {
      requireGuidelines(me);
    }
    return append(thread, me, cleanBody, readReceipt, attachments).getId();
  }

  private Message append(
      MessageThread thread,
      String author,
      String body,
      boolean readReceipt,
      List<NewAttachment> attachments) {
    Instant now = clock.instant();
    long messageId = ids.next("message_seq");
    Message message =
        new Message(
            messageId,
            thread,
            author,
            now,
            readReceipt,
            crypto.seal(body, Message.bodyOwner(thread.getId(), messageId)));
    em.persist(message);
    for (NewAttachment file : attachments) {
      String type = AttachmentPolicy.detectType(file.content()).orElseThrow();
      long attachmentId = ids.next("attachment_seq");
      Attachment attachment =
          new Attachment(
              attachmentId,
              message,
              type,
              file.content().length,
              crypto.seal(
                  AttachmentPolicy.filename(file.getFilename()),
                  Attachment.owner(thread.getId(), messageId, attachmentId, "filename")));
      em.persist(attachment);
      em.persist(
          new AttachmentContent(
              attachment, crypto.sealBytes(file.content(), attachment.contentOwner())));
    }
    thread.messageAdded(message);
    readThrough(thread, author, message.getId(), now);
    audit.record(
        author,
        thread.getPatient(),
        AuditAction.MESSAGE_SENT,
        "message/" + message.getId(),
        AuditOutcome.SUCCESS);
    for (String recipient : notified(thread, author)) {
      notifications.newSecureMessage(recipient, "message/" + message.getId() + "/to/" + recipient);
    }
    return message;
  }

  /** Who hears of a new message: the care team's side for the patient's, the patient otherwise. */
  private Set<String> notified(MessageThread thread, String author) {
    Set<String> recipients = new LinkedHashSet<>();
    if (author.equals(thread.getPatient())) {
      if (thread.getRecipientKind() == RecipientKind.USER) {
        recipients.add(thread.getRecipient());
      } else {
        recipients.addAll(care.membersOf(thread.getRecipient()));
      }
    } else {
      recipients.add(thread.getPatient());
    }
    recipients.remove(author);
    return recipients;
  }

  private static String checkSubject(String subject) {
    String s = subject == null ? "" : subject.strip();
    if (s.isEmpty()) {
      throw new InvalidInputException("subject", "Write a subject.");
    }
    if (s.length() > MessageThread.MAX_SUBJECT) {
      throw new InvalidInputException(
          "subject", "The subject may have at most " + MessageThread.MAX_SUBJECT + " characters.");
    }
    if (s.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("subject", "The subject must be one line of text.");
    }
    return s;
  }

  private static String checkBody(String body) {
    String b = body == null ? "" : body.strip();
    if (b.isEmpty()) {
      throw new InvalidInputException("body", "Write a message.");
    }
    if (b.length() > Message.MAX_BODY) {
      throw new InvalidInputException(
          "body",
          "The message is too long: at most "
              + Message.MAX_BODY
              + " characters. Attach longer documents as PDF files.");
    }
    return b;
  }

  // --- reading

  /**
   * The caller's threads: a patient's own, or (for clinicians and staff) those of their work queue
   * including done ones; unread first, then by last activity, newest first. Other roles have none.
   * At most the {@value #QUEUE_LIMIT} most recently active threads of each kind are listed.
   */
  public List<ThreadSummary> myThreads() {
    String me = caller();
    List<ThreadSummary> threads = new ArrayList<>();
    if (session.isCallerInRole(Roles.PATIENT)) {
      threads.addAll(
          summaries(
              em.createQuery(
                      "select t, r.readThroughId from MessageThread t left join ThreadReader r"
                          + " on r.id = t.id and r.reader = :me where t.patient = :me"
                          + " order by t.lastMessageAt desc",
                      Object[].class)
                  .setParameter("me", me)
                  .setMaxResults(QUEUE_LIMIT),
              me));
    }
    if (session.isCallerInRole(Roles.CLINICIAN) || session.isCallerInRole(Roles.STAFF)) {
      QueueFilter all = new QueueFilter();
      all.setIncludeDone(true);
      all.setNewestFirst(true);
      threads.addAll(queue(all));
    }
    threads.sort(
        Comparator.comparing(ThreadSummary::isUnread)
            .reversed()
            .thenComparing(ThreadSummary::getLastMessageAt, Comparator.reverseOrder()));
    return threads;
  }

  /** A clinician's or staff member's work queue: threads addressed to them or their pools. */
  @RolesAllowed({Roles.CLINICIAN, Roles.STAFF})
  public List<ThreadSummary> queue(QueueFilter filter) {
    String me = caller();
    List<String> pools = new ArrayList<>(care.poolsOf(me));
    if (pools.isEmpty()) {
      pools.add("");
    }
    StringBuilder jpql =
        new StringBuilder(
            "select t, r.readThroughId from MessageThread t left join ThreadReader r"
                + " on r.id = t.id and r.reader = :me where ((t.recipientKind = :pool"
                + " and t.recipient in :pools)");
    if (session.isCallerInRole(Roles.CLINICIAN)) {
      jpql.append(" or (t.recipientKind = :user and t.recipient = :me)");
    }
    jpql.append(")");
    if (!filter.isIncludeDone()) {
      jpql.append(" and t.status = :open");
    }
    if (filter.getCategory() != null) {
      jpql.append(" and t.category = :category");
    }
    if (filter.isUnreadOnly()) {
      jpql.append(
          " and t.lastMessageBy <> :me and t.lastMessageId is not null"
              + " and (r.readThroughId is null or r.readThroughId < t.lastMessageId)");
    }
    jpql.append(" order by t.lastMessageAt ").append(filter.isNewestFirst() ? "desc" : "asc");
    TypedQuery<Object[]> query =
        em.createQuery(jpql.toString(), Object[].class)
            .setParameter("me", me)
            .setParameter("pool", RecipientKind.POOL)
            .setParameter("pools", pools)
            .setMaxResults(QUEUE_LIMIT);
    if (session.isCallerInRole(Roles.CLINICIAN)) {
      query.setParameter("user", RecipientKind.USER);
    }
    if (!filter.isIncludeDone()) {
      query.setParameter("open", ThreadStatus.OPEN);
    }
    if (filter.getCategory() != null) {
      query.setParameter("category", filter.getCategory());
    }
    return summaries(query, me);
  }

  private List<ThreadSummary> summaries(TypedQuery<Object[]> query, String me) {
    List<Object[]> rows = query.getResultList();
    Set<String> usernames = new HashSet<>();
    for (Object[] row : rows) {
      MessageThread t = (MessageThread) row[0];
      usernames.add(t.getPatient());
      if (t.getRecipientKind() == RecipientKind.USER) {
        usernames.add(t.getRecipient());
      }
    }
    Map<String, String> names = people.displayNames(usernames);
    Map<String, String> poolNames = new HashMap<>();
    List<ThreadSummary> summaries = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      summaries.add(summary((MessageThread) row[0], (Long) row[1], me, names, poolNames));
    }
    return summaries;
  }

  private ThreadSummary summary(
      MessageThread t,
      Long readThrough,
      String me,
      Map<String, String> names,
      Map<String, String> poolNames) {
    String recipientName =
        t.getRecipientKind() == RecipientKind.USER
            ? names.getOrDefault(t.getRecipient(), t.getRecipient())
            : poolNames.computeIfAbsent(
                t.getRecipient(), code -> care.pool(code).map(CarePool::getName).orElse(code));
    return new ThreadSummary(
        t.getId(),
        t.getCategory(),
        crypto.open(t.getSubject(), t.subjectOwner()),
        t.getPatient(),
        names.getOrDefault(t.getPatient(), t.getPatient()),
        CareRecipient.address(
            t.getRecipientKind() == RecipientKind.POOL
                ? CareRecipient.Kind.POOL
                : CareRecipient.Kind.USER,
            t.getRecipient()),
        recipientName,
        t.unreadFor(me, readThrough),
        t.getLastMessageAt(),
        t.getLastMessageBy(),
        t.getMessageCount(),
        t.getStatus());
  }

  /**
   * Opens a thread: its messages in order, each audited as MESSAGE_OPENED, read receipts recorded
   * for the messages that asked for one, and the thread marked read for the caller.
   */
  public ThreadDetail open(long threadId) {
    String me = caller();
    MessageThread thread = visibleThread(threadId);
    Instant now = clock.instant();
    List<Message> messages =
        em.createQuery(
                "select distinct m from Message m left join fetch m.attachments"
                    + " where m.thread = :thread order by m.id",
                Message.class)
            .setParameter("thread", thread)
            .getResultList();
    Set<Long> receipted =
        new HashSet<>(
            em.createNamedQuery(MessageReceipt.READ_BY_IN_THREAD, Long.class)
                .setParameter("thread", threadId)
                .setParameter("reader", me)
                .getResultList());
    Map<Long, List<ReceiptDetail>> receipts = receiptsOfMine(threadId, me, messages);

    Set<String> authors = new HashSet<>();
    messages.forEach(m -> authors.add(m.getAuthor()));
    authors.add(thread.getPatient());
    if (thread.getRecipientKind() == RecipientKind.USER) {
      authors.add(thread.getRecipient());
    }
    Map<String, String> names = people.displayNames(authors);

    List<MessageDetail> details = new ArrayList<>(messages.size());
    for (Message m : messages) {
      List<AttachmentDetail> files = new ArrayList<>();
      for (Attachment a : m.getAttachments()) {
        files.add(
            new AttachmentDetail(
                a.getId(),
                crypto.open(a.getFilename(), a.filenameOwner()),
                a.getContentType(),
                a.getSizeBytes()));
      }
      details.add(
          new MessageDetail(
              m.getId(),
              m.getAuthor(),
              names.getOrDefault(m.getAuthor(), m.getAuthor()),
              m.getSentAt(),
              crypto.open(m.getBody(), m.bodyOwner()),
              m.isReadReceipt(),
              files,
              receipts.getOrDefault(m.getId(), List.of())));
      audit.record(
          me,
          thread.getPatient(),
          AuditAction.MESSAGE_OPENED,
          "message/" + m.getId(),
          AuditOutcome.SUCCESS);
      if (m.isReadReceipt() && !m.getAuthor().equals(me) && !receipted.contains(m.getId())) {
        receipt(new MessageReceipt(m, me, now));
      }
    }
    if (thread.getLastMessageId() != null) {
      readThrough(thread, me, thread.getLastMessageId(), now);
    }
    ThreadSummary summary = summary(thread, null, me, names, new HashMap<>());
    // visibleThread() has shown that a reader who is not the patient is on the care team's side
    boolean careTeam = !patientSide(thread, me) || careSide(thread, me);
    return new ThreadDetail(summary, details, careTeam);
  }

  /** The read receipts of the caller's own messages in a thread they take part in. */
  public List<ReceiptDetail> receipts(long threadId) {
    String me = caller();
    MessageThread thread = visibleThread(threadId);
    List<Message> mine =
        em.createQuery(
                "select m from Message m where m.thread = :thread and m.author = :me"
                    + " and m.readReceipt = true",
                Message.class)
            .setParameter("thread", thread)
            .setParameter("me", me)
            .getResultList();
    return receiptsOfMine(threadId, me, mine).values().stream().flatMap(List::stream).toList();
  }

  private Map<Long, List<ReceiptDetail>> receiptsOfMine(
      long threadId, String me, List<Message> messages) {
    Set<Long> mine = new HashSet<>();
    messages.stream()
        .filter(m -> m.isReadReceipt() && m.getAuthor().equals(me))
        .forEach(m -> mine.add(m.getId()));
    Map<Long, List<ReceiptDetail>> byMessage = new HashMap<>();
    if (mine.isEmpty()) {
      return byMessage;
    }
    List<MessageReceipt> all =
        em
            .createNamedQuery(MessageReceipt.IN_THREAD, MessageReceipt.class)
            .setParameter("thread", threadId)
            .getResultList()
            .stream()
            .filter(r -> mine.contains(r.getMessageId()))
            .toList();
    Set<String> readers = new HashSet<>();
    all.forEach(r -> readers.add(r.getReader()));
    Map<String, String> names = people.displayNames(readers);
    for (MessageReceipt r : all) {
      byMessage
          .computeIfAbsent(r.getMessageId(), id -> new ArrayList<>())
          .add(
              new ReceiptDetail(
                  r.getMessageId(), r.getReader(), names.get(r.getReader()), r.getReadAt()));
    }
    return byMessage;
  }

  /** An attachment's content, for a reader of its thread; audited as ATTACHMENT_DOWNLOADED. */
  public AttachmentDownload download(long threadId, long attachmentId) {
    String me = caller();
    Attachment attachment = em.find(Attachment.class, attachmentId);
    if (attachment == null
        || !attachment.getMessage().getThread().getId().equals(threadId)
        || !mayRead(attachment.getMessage().getThread(), me)) {
      throw deny(
          "attachment/" + attachmentId,
          attachment == null ? null : attachment.getMessage().getThread().getPatient());
    }
    AttachmentContent content = em.find(AttachmentContent.class, attachmentId);
    byte[] bytes = crypto.openBytes(content.getContent(), attachment.contentOwner());
    audit.record(
        me,
        attachment.getMessage().getThread().getPatient(),
        AuditAction.ATTACHMENT_DOWNLOADED,
        "attachment/" + attachmentId,
        AuditOutcome.SUCCESS);
    return new AttachmentDownload(
        crypto.open(attachment.getFilename(), attachment.filenameOwner()),
        attachment.getContentType(),
        bytes);
  }

  /** The care team marks a thread done; the patient's next message opens it again. */
  @RolesAllowed({Roles.CLINICIAN, Roles.STAFF})
  public void markDone(long threadId) {
    String me = caller();
    MessageThread thread = em.find(MessageThread.class, threadId);
    if (thread == null || !careSide(thread, me)) {
      throw deny("thread/" + threadId, thread == null ? null : thread.getPatient());
    }
    thread.markDone(me, clock.instant());
    audit.record(
        me,
        thread.getPatient(),
        AuditAction.THREAD_DONE,
        "thread/" + threadId,
        AuditOutcome.SUCCESS);
  }

  // --- authority

  private MessageThread visibleThread(long threadId) {
    MessageThread thread = em.find(MessageThread.class, threadId);
    if (thread == null || !mayRead(thread, caller())) {
      throw deny("thread/" + threadId, thread == null ? null : thread.getPatient());
    }
    return thread;
  }

  private boolean mayRead(MessageThread thread, String me) {
    return patientSide(thread, me) || careSide(thread, me);
  }

  private boolean patientSide(MessageThread thread, String me) {
    return session.isCallerInRole(Roles.PATIENT) && thread.getPatient().equals(me);
  }

  private boolean careSide(MessageThread thread, String me) {
    if (thread.getRecipientKind() == RecipientKind.USER) {
      return session.isCallerInRole(Roles.CLINICIAN) && thread.getRecipient().equals(me);
    }
    return (session.isCallerInRole(Roles.CLINICIAN) || session.isCallerInRole(Roles.STAFF))
        && care.poolsOf(me).contains(thread.getRecipient());
  }

  /** Audits a refusal (in its own transaction, as this one rolls back) and answers not found. */
  private NotFoundException deny(String resource, String patient) {
    auditService.recordDenied(resource, patient);
    return new NotFoundException(NOT_FOUND);
  }

  /**
   * Records how far {@code reader} has read: an insert that does nothing if the row exists (so two
   * opens at once by the same reader, say in two tabs, neither fail nor wait on each other's
   * mistake), then a move forward of an existing mark.
   */
  private void readThrough(MessageThread thread, String reader, long messageId, Instant at) {
    int inserted =
        em.createNativeQuery(
                "insert into thread_reader (thread_id, reader, read_through_id, read_at)"
                    + " values (?1, ?2, ?3, ?4) on conflict do nothing")
            .setParameter(1, thread.getId())
            .setParameter(2, reader)
            .setParameter(3, messageId)
            .setParameter(4, at)
            .executeUpdate();
    if (inserted == 0) {
      em.createNativeQuery(
              "update thread_reader set read_through_id = ?1, read_at = ?2"
                  + " where thread_id = ?3 and reader = ?4 and read_through_id < ?1")
          .setParameter(1, messageId)
          .setParameter(2, at)
          .setParameter(3, thread.getId())
          .setParameter(4, reader)
          .executeUpdate();
    }
  }

  /** Records a first read; a concurrent open by the same reader that recorded it first wins. */
  private void receipt(MessageReceipt receipt) {
    em.createNativeQuery(
            "insert into message_receipt (message_id, reader, thread_id, read_at)"
                + " values (?1, ?2, ?3, ?4) on conflict do nothing")
        .setParameter(1, receipt.getMessageId())
        .setParameter(2, receipt.getReader())
        .setParameter(3, receipt.getThreadId())
        .setParameter(4, receipt.getReadAt())
        .executeUpdate();
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}

package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.CareRecipient;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.identity.boundary.People;
import org.patientportal.messaging.entity.Attachment;
import org.patientportal.messaging.entity.AttachmentContent;
import org.patientportal.messaging.entity.AttachmentDetail;
import org.patientportal.messaging.entity.AttachmentDownload;
import org.patientportal.messaging.entity.Message;
import org.patientportal.messaging.entity.MessageDetail;
import org.patientportal.messaging.entity.MessageReceipt;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.ReceiptDetail;
import org.patientportal.messaging.entity.RecipientKind;
import org.patientportal.messaging.entity.ThreadEvent;
import org.patientportal.messaging.entity.ThreadHistoryLine;
import org.patientportal.messaging.entity.ThreadSummary;

/**
 * The read model: threads, messages and receipts as readers see them, opened from their seals and
 * named (people by display name, pools by name). Names are looked up once per list, not per row.
 */
@ApplicationScoped
public class ThreadReading {

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;
  @Inject People people;
  @Inject CareDirectory care;

  /** One summary per row, for {@code reader}. */
  public List<ThreadSummary> summaries(List<ThreadRow> rows, String reader) {
    Set<String> usernames = new HashSet<>();
    for (ThreadRow row : rows) {
      usernames.addAll(namedIn(row.thread()));
    }
    Names names = new Names(people.displayNames(usernames));
    List<ThreadSummary> summaries = new ArrayList<>(rows.size());
    for (ThreadRow row : rows) {
      summaries.add(
          summary(row.thread(), row.readThroughId(), reader, names).archived(row.archived()));
    }
    return summaries;
  }

  /** The messages of an opened thread, with the receipts of the reader's own messages. */
  public List<MessageDetail> messages(
      MessageThread thread, List<Message> messages, String reader, Names names) {
    Map<Long, List<ReceiptDetail>> receipts = receiptsOf(thread.getId(), reader, messages);
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
              names.person(m.getAuthor()),
              m.getSentAt(),
              crypto.open(m.getBody(), m.bodyOwner()),
              m.isReadReceipt(),
              files,
              receipts.getOrDefault(m.getId(), List.of())));
    }
    return details;
  }

  /** The names of everyone an opened thread shows: its patient, recipient and authors. */
  public Names namesFor(MessageThread thread, List<Message> messages) {
    Set<String> usernames = new HashSet<>(namedIn(thread));
    messages.forEach(m -> usernames.add(m.getAuthor()));
    return new Names(people.displayNames(usernames));
  }

  public ThreadSummary summary(MessageThread t, Long readThrough, String reader, Names names) {
    String recipientName =
        t.getRecipientKind() == RecipientKind.USER
            ? names.person(t.getRecipient())
            : names.pool(t.getRecipient());
    return new ThreadSummary(
            t.getId(),
            t.getCategory(),
            crypto.open(t.getSubject(), t.subjectOwner()),
            t.getPatient(),
            names.person(t.getPatient()),
            CareRecipient.address(
                t.getRecipientKind() == RecipientKind.POOL
                    ? CareRecipient.Kind.POOL
                    : CareRecipient.Kind.USER,
                t.getRecipient()),
            recipientName,
            t.unreadFor(reader, readThrough),
            t.getLastMessageAt(),
            t.getLastMessageBy(),
            t.getMessageCount(),
            t.getStatus())
        .handling(
            t.getAssignee(),
            t.getAssignee() == null ? null : names.person(t.getAssignee()),
            t.getAssigneeRole(),
            t.getDueBy(),
            t.getEscalation());
  }

  /** Display names of people, looked up together. */
  public Map<String, String> displayNames(Collection<String> usernames) {
    return people.displayNames(new HashSet<>(usernames));
  }

  /** A thread's history of handling, named. */
  public List<ThreadHistoryLine> history(long threadId) {
    List<ThreadEvent> events =
        em.createNamedQuery(ThreadEvent.OF_THREAD, ThreadEvent.class)
            .setParameter("thread", threadId)
            .getResultList();
    Set<String> usernames = new HashSet<>();
    for (ThreadEvent e : events) {
      usernames.add(e.getActor());
      if (e.getTarget() != null) {
        usernames.add(e.getTarget());
      }
    }
    Map<String, String> names = people.displayNames(usernames);
    List<ThreadHistoryLine> lines = new ArrayList<>(events.size());
    for (ThreadEvent e : events) {
      lines.add(
          new ThreadHistoryLine(
              e.getAt(),
              e.getKind(),
              e.getActor(),
              names.getOrDefault(e.getActor(), e.getActor()),
              e.getTarget(),
              e.getTarget() == null ? null : names.getOrDefault(e.getTarget(), e.getTarget())));
    }
    return lines;
  }

  /** The read receipts of {@code author}'s messages among {@code messages}, by message id. */
  public Map<Long, List<ReceiptDetail>> receiptsOf(
      long threadId, String author, Collection<Message> messages) {
    Set<Long> mine = new HashSet<>();
    messages.stream()
        .filter(m -> m.isReadReceipt() && m.getAuthor().equals(author))
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

  /** An attachment's name, type and content, opened from their seals. */
  public AttachmentDownload download(Attachment attachment) {
    AttachmentContent content = em.find(AttachmentContent.class, attachment.getId());
    byte[] bytes = crypto.openBytes(content.getContent(), attachment.contentOwner());
    return new AttachmentDownload(
        crypto.open(attachment.getFilename(), attachment.filenameOwner()),
        attachment.getContentType(),
        bytes);
  }

  public Attachment attachment(long attachmentId) {
    return em.find(Attachment.class, attachmentId);
  }

  private static Set<String> namedIn(MessageThread t) {
    Set<String> usernames = new HashSet<>();
    usernames.add(t.getPatient());
    if (t.getRecipientKind() == RecipientKind.USER) {
      usernames.add(t.getRecipient());
    }
    if (t.getAssignee() != null) {
      usernames.add(t.getAssignee());
    }
    return usernames;
  }

  /** Display names of people (looked up together) and of pools (looked up once each). */
  public final class Names {

    private final Map<String, String> people;
    private final Map<String, String> pools = new HashMap<>();

    Names(Map<String, String> people) {
      this.people = people;
    }

    public String person(String username) {
      return people.getOrDefault(username, username);
    }

    public String pool(String code) {
      return pools.computeIfAbsent(code, c -> care.pool(c).map(CarePool::getName).orElse(c));
    }
  }
}

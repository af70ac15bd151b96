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
import org.patientportal.messaging.entity.ThreadDetail;
import org.patientportal.messaging.entity.ThreadEvent;
import org.patientportal.messaging.entity.ThreadForward;
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
  @Inject ThreadQueries queries;

  /** One summary per row, for {@code reader}, with whom each was forwarded to (one query). */
  public List<ThreadSummary> summaries(List<ThreadRow> rows, String reader) {
    Set<String> usernames = new HashSet<>();
    List<Long> ids = new ArrayList<>(rows.size());
    for (ThreadRow row : rows) {
      usernames.addAll(namedIn(row.thread()));
      ids.add(row.thread().getId());
    }
    Map<Long, List<ThreadForward>> forwards = queries.forwardsOf(ids);
    forwards.values().forEach(list -> usernames.addAll(namedIn(list)));
    Names names = new Names(people.displayNames(usernames));
    List<ThreadSummary> summaries = new ArrayList<>(rows.size());
    for (ThreadRow row : rows) {
      summaries.add(
          summary(row.thread(), row.readThroughId(), reader, names)
              .forwarded(forwardedTo(forwards.getOrDefault(row.thread().getId(), List.of()), names))
              .archived(row.archived()));
    }
    return summaries;
  }

  /** Whom a thread was forwarded to, named, once each, in the order of the first forward. */
  public List<ThreadSummary.ForwardedTo> forwardedTo(List<ThreadForward> forwards, Names names) {
    Map<String, ThreadSummary.ForwardedTo> to = new java.util.LinkedHashMap<>();
    for (ThreadForward f : forwards) {
      to.computeIfAbsent(
          f.address(),
          a ->
              new ThreadSummary.ForwardedTo(
                  a,
                  f.getRecipientKind() == RecipientKind.POOL
                      ? names.pool(f.getRecipient())
                      : names.person(f.getRecipient())));
    }
    return List.copyOf(to.values());
  }

  /** The forwards of a thread with their notes opened, for the care team's side. */
  public List<ThreadDetail.ForwardNote> forwardNotes(List<ThreadForward> forwards, Names names) {
    List<ThreadDetail.ForwardNote> notes = new ArrayList<>(forwards.size());
    for (ThreadForward f : forwards) {
      notes.add(
          new ThreadDetail.ForwardNote(
              f.getAt(),
              f.getBy(),
              names.person(f.getBy()),
              f.address(),
              f.getRecipientKind() == RecipientKind.POOL
                  ? names.pool(f.getRecipient())
                  : names.person(f.getRecipient()),
              crypto.open(f.getNote(), f.noteOwner())));
    }
    return notes;
  }

  private static Set<String> namedIn(List<ThreadForward> forwards) {
    Set<String> usernames = new HashSet<>();
    for (ThreadForward f : forwards) {
      usernames.add(f.getBy());
      if (f.getRecipientKind() == RecipientKind.USER) {
        usernames.add(f.getRecipient());
      }
    }
    return usernames;
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
      if (m.getOnBehalfOf() != null) {
        details
            .get(details.size() - 1)
            .writtenFor(m.getOnBehalfOf(), names.person(m.getOnBehalfOf()));
      }
    }
    return details;
  }

  /** The names of everyone an opened thread shows: its patient, recipient and authors. */
  public Names namesFor(MessageThread thread, List<Message> messages) {
    return namesFor(thread, messages, List.of());
  }

  /** The names of everyone an opened thread shows, its forwards' senders and recipients too. */
  public Names namesFor(
      MessageThread thread, List<Message> messages, List<ThreadForward> forwards) {
    Set<String> usernames = new HashSet<>(namedIn(thread));
    messages.forEach(m -> usernames.add(m.getAuthor()));
    usernames.addAll(namedIn(forwards));
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
            t.getEscalation())
        .request(t.getRequestStatus())
        .filed(t.getFiledAt() != null);
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
    Names names = new Names(people.displayNames(usernames));
    List<ThreadHistoryLine> lines = new ArrayList<>(events.size());
    for (ThreadEvent e : events) {
      String target = e.getTarget();
      String targetName;
      if (target == null) {
        targetName = null;
      } else if (target.startsWith(CareRecipient.POOL_PREFIX)) {
        targetName = names.pool(target.substring(CareRecipient.POOL_PREFIX.length()));
      } else {
        targetName = names.person(target);
      }
      lines.add(
          new ThreadHistoryLine(
              e.getAt(),
              e.getKind(),
              e.getActor(),
              names.person(e.getActor()),
              target,
              targetName));
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

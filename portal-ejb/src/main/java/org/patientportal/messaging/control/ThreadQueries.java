package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.entity.Box;
import org.patientportal.messaging.entity.Message;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.RecipientKind;
import org.patientportal.messaging.entity.ThreadCursor;
import org.patientportal.messaging.entity.ThreadForward;
import org.patientportal.messaging.entity.ThreadListQuery;
import org.patientportal.messaging.entity.ThreadStatus;

/**
 * The queries that read threads: a page of the threads a reader may see (the same policy as {@link
 * ThreadAccess}, written as queries), and a thread's messages. They run in the calling boundary's
 * transaction.
 */
@ApplicationScoped
public class ThreadQueries {

  @PersistenceContext EntityManager em;

  public MessageThread find(long threadId) {
    return em.find(MessageThread.class, threadId);
  }

  /**
   * Locks a thread's row until the transaction ends ({@code select ... for update}) and reads its
   * latest state: writes to one thread (two replies at once, from the patient and the clinician)
   * then take turns instead of one failing on the thread's version.
   */
  public void lockForWriting(MessageThread thread) {
    em.refresh(thread, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * One page of the threads {@code reader} may see that match {@code query}, ordered by last
   * activity and id, and whether more follow. The visibility rule is {@link ThreadAccess}'s,
   * written into the query: a patient's own threads; threads addressed to the reader as a
   * clinician; threads addressed to a pool the reader works as a clinician or staff member; the
   * open threads of the clinicians the reader covers for today; in business hours, for a staff
   * member, the open threads addressed to the clinicians of their pools, of the patients those
   * pools care for. Nothing else is read.
   *
   * <p>The rule is a union of <em>branches</em>, one per index range: the patient's threads (index
   * on patient, last activity, id), and for the care team one per recipient (the reader, each pool,
   * each colleague covered for, each clinician a staff member processes for) and status (index on
   * recipient kind, recipient, status, last activity, id). Each branch reads at most {@code size +
   * 1} rows in index order from the cursor on; the rows are merged here. One query with {@code or}
   * and {@code in} over all recipients would make the database read every matching row of every
   * pool and sort them to return 26; the branches read 26 each. The merge is exact: a thread among
   * the first {@code size + 1} of the union is among the first {@code size + 1} of its own branch.
   * The branches return keys only (id and last activity, read from the index); the page's threads
   * are then loaded by id in one query, so a clinician on several pools builds 25 threads, not 25
   * per branch.
   *
   * @param tokens the blind-index tokens every thread must hold (the search), or none
   */
  public Page page(ThreadAccess reader, ThreadListQuery query, List<Long> tokens) {
    // Phase 1: each branch's first size + 1 keys (id, the list's time) from its index range; no
    // entity is built for the rows the merge drops.
    Map<Long, Instant> keys = keys(reader, query, tokens);
    Comparator<Map.Entry<Long, Instant>> order =
        Map.Entry.<Long, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey());
    List<Long> ids =
        keys.entrySet().stream()
            .sorted(query.oldestFirst() ? order : order.reversed())
            .limit(query.size() + 1L)
            .map(Map.Entry::getKey)
            .toList();
    boolean more = ids.size() > query.size();
    List<Long> shown = more ? ids.subList(0, query.size()) : ids;
    // Phase 2: the page's threads, with how far the reader has read each, in one query.
    Map<Long, ThreadRow> rows = new HashMap<>();
    if (!shown.isEmpty()) {
      for (ThreadRow row :
          rows(
              em.createQuery(
                      "select t, r.readThroughId, r.archivedThroughId from MessageThread t"
                          + " left join ThreadReader r on r.id = t.id and r.reader = :me"
                          + " where t.id in :ids",
                      Object[].class)
                  .setParameter("me", reader.reader())
                  .setParameter("ids", shown))) {
        rows.put(row.thread().getId(), row);
      }
    }
    List<ThreadRow> page = shown.stream().map(rows::get).filter(Objects::nonNull).toList();
    if (!more || page.isEmpty()) {
      return new Page(page, null);
    }
    long last = page.get(page.size() - 1).thread().getId();
    return new Page(page, new ThreadCursor(keys.get(last), last));
  }

  /**
   * How many threads of the reader's list are unread, counting at most {@code cap} + 1: a patient's
   * inbox (archived threads left out), or the open threads of a clinician's or staff member's work
   * queue. The same index ranges as a page of the list with the unread filter, each read for at
   * most {@code cap} + 1 keys; nothing is loaded but keys. The cap bounds what is returned, not
   * what is read: for a reader who has read nearly all of a long list, each range is walked to its
   * end (89 ms for a patient of 77,000 threads on PostgreSQL; see docs/benchmarks.md, issue 9).
   */
  public int unreadCount(ThreadAccess reader, int cap) {
    ThreadListQuery unread =
        new ThreadListQuery(
            null,
            true,
            reader.worksPools() ? ThreadStatus.OPEN : null,
            null,
            null,
            null,
            null,
            false,
            null,
            Math.min(cap, ThreadListQuery.MAX_SIZE));
    return keys(reader, unread, List.of()).size();
  }

  /** A page of rows and the cursor after it (null: the last page). */
  public record Page(List<ThreadRow> rows, ThreadCursor next) {}

  /**
   * The first size + 1 keys of each branch of the list: thread id and the time it is ordered by.
   */
  private Map<Long, Instant> keys(ThreadAccess reader, ThreadListQuery query, List<Long> tokens) {
    Map<Long, Instant> keys = new HashMap<>();
    for (Branch branch : branches(reader, query)) {
      // a patient sees all their own threads; a caregiver's range of the patient's threads and the
      // care side's ranges leave out the flagged ones the rule does not let them see
      boolean hideFlagged =
          branch.patients()
              ? !branch.who().equals(reader.reader())
              : !reader.listsFlagged(branch.byName(reader));
      for (Object[] key :
          branchQuery(reader.reader(), branch, query, tokens, hideFlagged).getResultList()) {
        keys.putIfAbsent((Long) key[0], (Instant) key[1]);
      }
    }
    return keys;
  }

  private static List<Branch> branches(ThreadAccess reader, ThreadListQuery query) {
    List<Branch> branches = new ArrayList<>();
    boolean patient = reader.hasRole(Roles.PATIENT);
    if (query.box() != Box.INBOX) {
      // the Sent and Archived views are a patient's own: one range of their threads each
      if (patient) {
        branches.add(
            new Branch(
                query.box() == Box.SENT ? Range.SENT : Range.PATIENT,
                reader.reader(),
                null,
                query.status(),
                null));
      }
      return branches;
    }
    if (patient) {
      branches.add(new Branch(Range.PATIENT, reader.reader(), null, query.status(), null));
    }
    if (!patient && reader.mayActFor(query.patient())) {
      // a caregiver's inbox: the threads of the patient they act for
      branches.add(new Branch(Range.PATIENT, query.patient(), null, query.status(), null));
    }
    if (reader.worksPools()) {
      List<ThreadStatus> statuses =
          query.status() == null ? List.of(ThreadStatus.values()) : List.of(query.status());
      for (ThreadStatus status : statuses) {
        if (reader.hasRole(Roles.CLINICIAN)) {
          branches.add(new Branch(Range.CARE, reader.reader(), RecipientKind.USER, status, null));
        }
        for (String pool : reader.pools()) {
          branches.add(new Branch(Range.CARE, pool, RecipientKind.POOL, status, null));
        }
        // threads given to the reader by a colleague (index on assignee, status, activity, id)
        branches.add(new Branch(Range.ASSIGNEE, reader.reader(), null, status, null));
        // threads forwarded to the reader or to a pool they work (index on the forward's
        // recipient)
        if (reader.hasRole(Roles.CLINICIAN)) {
          branches.add(
              new Branch(Range.FORWARD, reader.reader(), RecipientKind.USER, status, null));
        }
        for (String pool : reader.pools()) {
          branches.add(new Branch(Range.FORWARD, pool, RecipientKind.POOL, status, null));
        }
      }
      if (query.status() == null || query.status() == ThreadStatus.OPEN) {
        // a cover works the open threads of each colleague they cover for today: one range each
        if (reader.hasRole(Roles.CLINICIAN)) {
          for (String absent : reader.covered()) {
            branches.add(
                new Branch(Range.CARE, absent, RecipientKind.USER, ThreadStatus.OPEN, null));
          }
        }
        // in business hours, staff process the open threads of their pools' clinicians, of the
        // patients those pools care for: one range per clinician and pool (none after hours)
        for (Map.Entry<String, ? extends java.util.Collection<String>> clinician :
            reader.staffed().entrySet()) {
          for (String pool : clinician.getValue()) {
            branches.add(
                new Branch(
                    Range.STAFFED,
                    clinician.getKey(),
                    RecipientKind.USER,
                    ThreadStatus.OPEN,
                    pool));
          }
        }
      }
    }
    return branches;
  }

  /**
   * Which index a branch reads: a patient's threads (patient, last activity, id), a recipient's of
   * a status (recipient kind, recipient, status, last activity, id), an assignee's of a status
   * (assignee, status, last activity, id), a forward's recipient's (thread_forward: recipient kind,
   * recipient), or the threads a patient sent in, by their latest message (thread_reader: reader,
   * last sent, thread id).
   */
  private enum Range {
    PATIENT("t.patient = :who"),
    CARE("t.recipientKind = :kind and t.recipient = :who and t.status = :status"),
    // a clinician's threads of a status, of the patients one pool cares for
    STAFFED(
        "t.recipientKind = :kind and t.recipient = :who and t.status = :status"
            + " and exists (select p.id from CarePool p join p.patients pt"
            + " where p.code = :pool and pt = t.patient)"),
    ASSIGNEE("t.assignee = :who"),
    FORWARD(
        "t.id in (select f.threadId from ThreadForward f where f.recipientKind = :kind"
            + " and f.recipient = :who) and t.status = :status"),
    SENT("r.reader = :who and r.lastSentAt is not null and t.patient = :who");

    final String where;

    Range(String where) {
      this.where = where;
    }
  }

  /**
   * One index range of the visibility rule: a patient's threads, or a recipient's of a status (of
   * the patients {@code pool} cares for, where it names one).
   */
  private record Branch(
      Range range, String who, RecipientKind kind, ThreadStatus status, String pool) {

    /** A patient's own threads (the inbox, Sent, Archived). */
    boolean patients() {
      return range == Range.PATIENT || range == Range.SENT;
    }

    /** Threads addressed or given to the reader by name ({@link ThreadAccess#listsFlagged}). */
    boolean byName(ThreadAccess reader) {
      return who.equals(reader.reader()) && (range == Range.ASSIGNEE || kind == RecipientKind.USER);
    }
  }

  private TypedQuery<Object[]> branchQuery(
      String me, Branch branch, ThreadListQuery query, List<Long> tokens, boolean hideFlagged) {
    boolean sent = branch.range() == Range.SENT;
    // the list's order: last activity, or for the Sent view the reader's latest message
    String at = sent ? "r.lastSentAt" : "t.lastMessageAt";
    String id = sent ? "r.id" : "t.id";
    // a patient's own threads leave out (or, in the Archived view, are only) what they archived
    boolean archive = branch.range() == Range.PATIENT;
    boolean reader = !sent && (query.unreadOnly() || archive);
    StringBuilder jpql = new StringBuilder("select ").append(id).append(", ").append(at);
    if (sent) {
      jpql.append(" from ThreadReader r join MessageThread t on t.id = r.id");
    } else {
      jpql.append(" from MessageThread t");
      if (reader) {
        jpql.append(" left join ThreadReader r on r.id = t.id and r.reader = :me");
      }
    }
    jpql.append(" where ");
    jpql.append(branch.range().where);
    if (archive) {
      jpql.append(
          query.box() == Box.ARCHIVED
              ? " and r.archivedThroughId >= t.lastMessageId"
              : " and (r.archivedThroughId is null or r.archivedThroughId < t.lastMessageId)");
    }
    if (branch.kind() == null && branch.status() != null) {
      jpql.append(" and t.status = :status");
    }
    if (hideFlagged) {
      jpql.append(" and t.flagged = false");
    }
    if (query.category() != null) {
      jpql.append(" and t.category = :category");
    }
    if (query.patient() != null) {
      jpql.append(" and t.patient = :patient");
    }
    // a request's type and status are on its thread: a filter of the same rows, no join
    if (query.requestCategory() != null) {
      jpql.append(" and t.category = :requestCategory");
    }
    if (query.requestStatus() != null) {
      jpql.append(" and t.requestStatus = :requestStatus");
    } else if (query.requestsOnly()) {
      jpql.append(" and t.requestStatus is not null");
    }
    if (query.from() != null) {
      jpql.append(" and t.lastMessageAt >= :from");
    }
    if (query.to() != null) {
      jpql.append(" and t.lastMessageAt < :to");
    }
    if (query.unreadOnly()) {
      jpql.append(
          " and t.lastMessageBy <> :"
              + (sent ? "who" : "me")
              + " and t.lastMessageId is not null"
              + " and (r.readThroughId is null or r.readThroughId < t.lastMessageId)");
    }
    for (int i = 0; i < tokens.size(); i++) {
      jpql.append(" and exists (select k.threadId from SubjectToken k where k.threadId = t.id")
          .append(" and k.token = :w")
          .append(i)
          .append(")");
    }
    String dir = query.oldestFirst() ? "asc" : "desc";
    if (query.before() != null) {
      // the first comparison alone is an index range; the second picks the rows after the cursor
      jpql.append(" and ")
          .append(at)
          .append(query.oldestFirst() ? " >= :at and (" : " <= :at and (")
          .append(at)
          .append(query.oldestFirst() ? " > :at or " : " < :at or ")
          .append(id)
          .append(query.oldestFirst() ? " > :id)" : " < :id)");
    }
    jpql.append(" order by ").append(at).append(' ').append(dir);
    jpql.append(", ").append(id).append(' ').append(dir);
    TypedQuery<Object[]> q =
        em.createQuery(jpql.toString(), Object[].class)
            .setParameter("who", branch.who())
            .setMaxResults(query.size() + 1);
    if (reader) {
      q.setParameter("me", me);
    }
    if (branch.kind() != null) {
      q.setParameter("kind", branch.kind());
    }
    if (branch.status() != null) {
      q.setParameter("status", branch.status());
    }
    if (branch.pool() != null) {
      q.setParameter("pool", branch.pool());
    }
    if (query.category() != null) {
      q.setParameter("category", query.category());
    }
    if (query.patient() != null) {
      q.setParameter("patient", query.patient());
    }
    if (query.requestCategory() != null) {
      q.setParameter("requestCategory", query.requestCategory());
    }
    if (query.requestStatus() != null) {
      q.setParameter("requestStatus", query.requestStatus());
    }
    if (query.from() != null) {
      q.setParameter("from", query.from());
    }
    if (query.to() != null) {
      q.setParameter("to", query.to());
    }
    for (int i = 0; i < tokens.size(); i++) {
      q.setParameter("w" + i, tokens.get(i));
    }
    if (query.before() != null) {
      q.setParameter("at", query.before().lastMessageAt());
      q.setParameter("id", query.before().id());
    }
    return q;
  }

  /**
   * A thread with how far {@code reader} has read it, in one query (null when there is no such
   * thread), so that opening it again needs no write when nothing new has come.
   */
  public ThreadRow findForReader(long threadId, String reader) {
    return rows(
            em.createQuery(
                    "select t, r.readThroughId, r.archivedThroughId from MessageThread t"
                        + " left join ThreadReader r on r.id = t.id and r.reader = :me"
                        + " where t.id = :id",
                    Object[].class)
                .setParameter("me", reader)
                .setParameter("id", threadId))
        .stream()
        .findFirst()
        .orElse(null);
  }

  /**
   * A thread's messages in order, with their attachments. (No {@code distinct}: Hibernate 6 returns
   * each message once from a fetch join by itself, and a SQL distinct would compare every row's
   * sealed body.)
   */
  public List<Message> messages(MessageThread thread) {
    return em.createQuery(
            "select m from Message m left join fetch m.attachments"
                + " where m.thread = :thread order by m.id",
            Message.class)
        .setParameter("thread", thread)
        .getResultList();
  }

  /** Whom each of {@code threadIds} was forwarded to, in order, by thread id. */
  public Map<Long, List<ThreadForward>> forwardsOf(java.util.Collection<Long> threadIds) {
    Map<Long, List<ThreadForward>> forwards = new HashMap<>();
    if (threadIds.isEmpty()) {
      return forwards;
    }
    for (ThreadForward f :
        em.createNamedQuery(ThreadForward.OF_THREADS, ThreadForward.class)
            .setParameter("threads", threadIds)
            .getResultList()) {
      forwards.computeIfAbsent(f.getThreadId(), id -> new ArrayList<>()).add(f);
    }
    return forwards;
  }

  /** The addresses {@code threadId} was forwarded to (for {@link ThreadAccess#withForwards}). */
  public List<String> forwardAddresses(long threadId) {
    return forwardsOf(List.of(threadId)).getOrDefault(threadId, List.of()).stream()
        .map(ThreadForward::address)
        .toList();
  }

  /** The messages {@code author} wrote in a thread asking for a read receipt. */
  public List<Message> receiptedMessagesOf(MessageThread thread, String author) {
    return em.createQuery(
            "select m from Message m where m.thread = :thread and m.author = :me"
                + " and m.readReceipt = true",
            Message.class)
        .setParameter("thread", thread)
        .setParameter("me", author)
        .getResultList();
  }

  private static List<ThreadRow> rows(TypedQuery<Object[]> query) {
    return query.getResultList().stream()
        .map(row -> new ThreadRow((MessageThread) row[0], (Long) row[1], (Long) row[2]))
        .toList();
  }
}

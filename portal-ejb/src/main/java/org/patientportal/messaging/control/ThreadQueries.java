package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.entity.Message;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.QueueFilter;
import org.patientportal.messaging.entity.RecipientKind;
import org.patientportal.messaging.entity.ThreadStatus;

/**
 * The queries that read threads: a patient's own, a work queue (the same policy as {@link
 * ThreadAccess}, written as a query), and a thread's messages. One query each; they run in the
 * calling boundary's transaction.
 */
@ApplicationScoped
public class ThreadQueries {

  /** At most this many threads of each kind are listed, the most recently active first. */
  public static final int LIMIT = 1000;

  @PersistenceContext EntityManager em;

  public MessageThread find(long threadId) {
    return em.find(MessageThread.class, threadId);
  }

  /** A patient's own threads, the most recently active first. */
  public List<ThreadRow> ownThreads(String patient) {
    return rows(
        em.createQuery(
                "select t, r.readThroughId from MessageThread t left join ThreadReader r"
                    + " on r.id = t.id and r.reader = :me where t.patient = :me"
                    + " order by t.lastMessageAt desc",
                Object[].class)
            .setParameter("me", patient)
            .setMaxResults(LIMIT));
  }

  /** The threads of a clinician's or staff member's work queue that match {@code filter}. */
  public List<ThreadRow> queue(ThreadAccess reader, QueueFilter filter) {
    boolean clinician = reader.hasRole(Roles.CLINICIAN);
    List<String> pools = new ArrayList<>(reader.pools());
    if (pools.isEmpty()) {
      pools.add("");
    }
    StringBuilder jpql =
        new StringBuilder(
            "select t, r.readThroughId from MessageThread t left join ThreadReader r"
                + " on r.id = t.id and r.reader = :me where ((t.recipientKind = :pool"
                + " and t.recipient in :pools)");
    if (clinician) {
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
            .setParameter("me", reader.reader())
            .setParameter("pool", RecipientKind.POOL)
            .setParameter("pools", pools)
            .setMaxResults(LIMIT);
    if (clinician) {
      query.setParameter("user", RecipientKind.USER);
    }
    if (!filter.isIncludeDone()) {
      query.setParameter("open", ThreadStatus.OPEN);
    }
    if (filter.getCategory() != null) {
      query.setParameter("category", filter.getCategory());
    }
    return rows(query);
  }

  /**
   * A thread with how far {@code reader} has read it, in one query (null when there is no such
   * thread), so that opening it again needs no write when nothing new has come.
   */
  public ThreadRow findForReader(long threadId, String reader) {
    return rows(
            em.createQuery(
                    "select t, r.readThroughId from MessageThread t left join ThreadReader r"
                        + " on r.id = t.id and r.reader = :me where t.id = :id",
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
        .map(row -> new ThreadRow((MessageThread) row[0], (Long) row[1]))
        .toList();
  }
}

package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.patientportal.messaging.entity.MessageReceipt;

/**
 * How far each reader has read a thread, and the read receipts of messages that asked for one. Both
 * are upserts that do nothing when the row exists, so two opens at once by the same reader (two
 * tabs) neither fail nor wait on each other's mistake.
 */
@ApplicationScoped
public class ReadMarks {

  @PersistenceContext EntityManager em;

  /**
   * Records that {@code reader} has read {@code threadId} through {@code messageId}, knowing how
   * far they had read it when the thread was loaded ({@code readBefore}, null: not at all): nothing
   * is written when that is already as far. A concurrent open that moved it meanwhile is handled by
   * the upsert as in {@link #readThrough(long, String, long, Instant)}.
   */
  public void readThrough(
      long threadId, String reader, long messageId, Instant at, Long readBefore) {
    if (readBefore != null && readBefore >= messageId) {
      return;
    }
    readThrough(threadId, reader, messageId, at);
  }

  /** Records that {@code reader} has read {@code threadId} through {@code messageId}. */
  public void readThrough(long threadId, String reader, long messageId, Instant at) {
    int inserted =
        em.createNativeQuery(
                "insert into thread_reader (thread_id, reader, read_through_id, read_at)"
                    + " values (?1, ?2, ?3, ?4) on conflict do nothing")
            .setParameter(1, threadId)
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
          .setParameter(3, threadId)
          .setParameter(4, reader)
          .executeUpdate();
    }
  }

  /**
   * Records that {@code author} sent {@code messageId} in {@code threadId} (the Sent view), and so
   * has read the thread through it.
   */
  public void sent(long threadId, String author, long messageId, Instant at) {
    readThrough(threadId, author, messageId, at);
    em.createNativeQuery(
            "update thread_reader set last_sent_id = ?1, last_sent_at = ?2"
                + " where thread_id = ?3 and reader = ?4"
                + " and (last_sent_id is null or last_sent_id < ?1)")
        .setParameter(1, messageId)
        .setParameter(2, at)
        .setParameter(3, threadId)
        .setParameter(4, author)
        .executeUpdate();
  }

  /**
   * Archives {@code threadId} for {@code reader} as it is now (through {@code lastMessageId}): it
   * leaves their inbox until a newer message comes. How far they have read it does not change.
   */
  public void archive(long threadId, String reader, long lastMessageId, Instant at) {
    int inserted =
        em.createNativeQuery(
                "insert into thread_reader"
                    + " (thread_id, reader, read_through_id, read_at, archived_through_id)"
                    + " values (?1, ?2, 0, ?3, ?4) on conflict do nothing")
            .setParameter(1, threadId)
            .setParameter(2, reader)
            .setParameter(3, at)
            .setParameter(4, lastMessageId)
            .executeUpdate();
    if (inserted == 0) {
      em.createNativeQuery(
              "update thread_reader set archived_through_id = ?1"
                  + " where thread_id = ?2 and reader = ?3")
          .setParameter(1, lastMessageId)
          .setParameter(2, threadId)
          .setParameter(3, reader)
          .executeUpdate();
    }
  }

  /** Brings {@code threadId} back to {@code reader}'s inbox (nothing if it was not archived). */
  public void unarchive(long threadId, String reader) {
    em.createNativeQuery(
            "update thread_reader set archived_through_id = null"
                + " where thread_id = ?1 and reader = ?2")
        .setParameter(1, threadId)
        .setParameter(2, reader)
        .executeUpdate();
  }

  /** The ids of the messages of a thread that {@code reader} has already receipted. */
  public Set<Long> receiptedBy(long threadId, String reader) {
    return new HashSet<>(
        em.createNamedQuery(MessageReceipt.READ_BY_IN_THREAD, Long.class)
            .setParameter("thread", threadId)
            .setParameter("reader", reader)
            .getResultList());
  }

  /**
   * Records first reads, in one statement however many there are; a concurrent open by the same
   * reader that recorded one first wins it.
   */
  public void receipts(List<MessageReceipt> receipts) {
    if (receipts.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(
            "insert into message_receipt (message_id, reader, thread_id, read_at) values ");
    for (int i = 0; i < receipts.size(); i++) {
      int p = 4 * i;
      sql.append(i == 0 ? "" : ", ")
          .append("(?")
          .append(p + 1)
          .append(", ?")
          .append(p + 2)
          .append(", ?")
          .append(p + 3)
          .append(", ?")
          .append(p + 4)
          .append(')');
    }
    sql.append(" on conflict do nothing");
    var query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < receipts.size(); i++) {
      MessageReceipt r = receipts.get(i);
      int p = 4 * i;
      query
          .setParameter(p + 1, r.getMessageId())
          .setParameter(p + 2, r.getReader())
          .setParameter(p + 3, r.getThreadId())
          .setParameter(p + 4, r.getReadAt());
    }
    query.executeUpdate();
  }
}

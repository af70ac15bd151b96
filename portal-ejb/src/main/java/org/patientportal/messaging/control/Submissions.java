package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Sending is idempotent per form: the first submission of a token claims it with the ids of what it
 * is about to write; a later one with the same token (Back and Send again, a double click, a
 * client's retry) finds the first's ids instead of writing again. A concurrent second waits for the
 * first's transaction on the primary key and then finds its result. A claim whose message does not
 * exist (the database lost it in a crash) is not an answer: the later submission writes it.
 */
@ApplicationScoped
public class Submissions {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(Submissions.class.getName());

  /** What the first submission of a token wrote. */
  public record First(long threadId, long messageId) {}

  @PersistenceContext EntityManager em;

  /**
   * Claims {@code token} for {@code author}'s message {@code messageId} of thread {@code threadId};
   * empty when it is claimed now, else what the token's first submission wrote.
   */
  public Optional<First> claim(
      String author, String token, long threadId, long messageId, Instant at) {
    int claimed =
        em.createNativeQuery(
                "insert into message_submission (author, token, thread_id, message_id, created_at)"
                    + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
            .setParameter(1, author)
            .setParameter(2, token)
            .setParameter(3, threadId)
            .setParameter(4, messageId)
            .setParameter(5, at)
            .executeUpdate();
    if (claimed == 1) {
      return Optional.empty();
    }
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select s.thread_id, s.message_id, m.id from message_submission s"
                        + " left join message m on m.id = s.message_id"
                        + " where s.author = ?1 and s.token = ?2")
                .setParameter(1, author)
                .setParameter(2, token)
                .getSingleResult();
    First first = new First(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    if (row[2] != null) {
      return Optional.of(first);
    }
    // The claim committed without its message: a database that kept part of a transaction a crash
    // interrupted (H2 has done so). Answering with the claim would confirm a message that does not
    // exist, so this submission takes the token over and writes the message itself.
    int taken =
        em.createNativeQuery(
                "update message_submission set thread_id = ?3, message_id = ?4, created_at = ?5"
                    + " where author = ?1 and token = ?2 and message_id = ?6")
            .setParameter(1, author)
            .setParameter(2, token)
            .setParameter(3, threadId)
            .setParameter(4, messageId)
            .setParameter(5, at)
            .setParameter(6, first.messageId())
            .executeUpdate();
    if (taken != 1) {
      // another submission of the same token took it over meanwhile: its answer stands
      return claim(author, token, threadId, messageId, at);
    }
    LOG.warning(
        () ->
            "The submission claimed for message "
                + first.messageId()
                + " of thread "
                + first.threadId()
                + " had no message (lost in a crash): it is written again as message "
                + messageId);
    return Optional.empty();
  }
}

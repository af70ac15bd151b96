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
 * first's transaction on the primary key and then finds its result.
 */
@ApplicationScoped
public class Submissions {

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
                    "select thread_id, message_id from message_submission"
                        + " where author = ?1 and token = ?2")
                .setParameter(1, author)
                .setParameter(2, token)
                .getSingleResult();
    return Optional.of(new First(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
  }
}

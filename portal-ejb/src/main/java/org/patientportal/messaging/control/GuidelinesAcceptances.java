package org.patientportal.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.patientportal.messaging.entity.GuidelinesAcceptance;
import org.patientportal.shared.entity.ConflictException;

/**
 * Who accepted which text of the messaging guidelines; a patient writes only after accepting.
 *
 * <p>Every message a patient sends asks whether they accepted the current text. An acceptance is
 * never withdrawn (a new text has a new hash and is asked for anew), so the answer "yes" can be
 * remembered for the life of the deployment, on every node alike; "no" is never remembered. A "yes"
 * is remembered only once the transaction that read it has committed, so an acceptance recorded in
 * a transaction that then rolls back is never taken for one. The memory holds one entry per patient
 * who sent since the start (a username and the hash, about a hundred bytes).
 */
@ApplicationScoped
public class GuidelinesAcceptances {

  private final GuidelinesText text = new GuidelinesText();
  private final Set<String> acceptedCurrentText = ConcurrentHashMap.newKeySet();

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transactions;

  public GuidelinesText text() {
    return text;
  }

  /** Whether {@code username} accepted the current text. */
  public boolean accepted(String username) {
    if (acceptedCurrentText.contains(username)) {
      return true;
    }
    boolean accepted =
        em.createNamedQuery(GuidelinesAcceptance.COUNT_FOR, Long.class)
                .setParameter("username", username)
                .setParameter("sha256", text.sha256())
                .getSingleResult()
            > 0;
    if (accepted) {
      rememberOnCommit(username);
    }
    return accepted;
  }

  private void rememberOnCommit(String username) {
    if (transactions == null || transactions.getTransactionKey() == null) {
      return; // no transaction: nothing says the row read is committed; ask again next time
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to do before
          }

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              acceptedCurrentText.add(username);
            }
          }
        });
  }

  /** Refuses (409) a patient who has not accepted the current text. */
  public void require(String patient) {
    if (!accepted(patient)) {
      throw new ConflictException("guidelines-not-accepted", "{messaging.guidelines.notAccepted}");
    }
  }

  /** Records an acceptance of the current text, as read in {@code language}. */
  public void record(String username, String language, Instant at) {
    em.persist(
        new GuidelinesAcceptance(
            username, text.version(), text.sha256(), GuidelinesText.language(language), at));
  }
}

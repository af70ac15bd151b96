package org.patientportal.work.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.hibernate.query.NativeQuery;

/**
 * The one way a feature puts work on a JMS queue: {@link #enqueue} writes the item to the {@code
 * outbox} table in the caller's transaction (MANDATORY: there must be one), so the item exists if
 * and only if the work that is its reason commits. That costs one insert in a transaction the
 * caller pays for anyway, where a JMS send in the same transaction cost a two-phase commit of the
 * database and the broker's journal on every request.
 *
 * <p>The item reaches its queue through {@link OutboxRelay}: the first enqueue of a transaction
 * registers a synchronization with the transaction manager, and when the transaction has committed
 * it asks the relay to drain (the relay works in a thread of its own, so the request does not wait
 * for the queue). Nothing is asked after a rollback, and a rolled-back row never existed.
 *
 * <p>Each item carries an idempotency key, unique for the work it stands for: a second enqueue of a
 * key that is still waiting in the outbox adds nothing; the broker drops a second message with a
 * key it has seen (duplicate detection), and the queue's consumer does the work of a key once
 * whatever arrives (for email: {@code mail.boundary.MailDelivery}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

  /** The longest idempotency key (the outbox's column, and the email delivery record's). */
  public static final int MAX_KEY = 200;

  /** Where a destination's queue is bound: {@code java:/jms/queue/<destination>}. */
  public static final String QUEUES = "java:/jms/queue/";

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(Outbox.class.getName());

  private static final Pattern DESTINATION = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,99}");

  static final String INSERT =
      "insert into outbox (destination, idempotency_key, payload, created_at)"
          + " values (?1, ?2, ?3, ?4) on conflict do nothing";

  /** The queues known to exist (each looked up once). */
  private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transactions;
  @Inject OutboxRelay relay;
  @Inject Clock clock;

  /**
   * Queues an item in the caller's transaction.
   *
   * @param destination the queue's name, e.g. {@code EmailQueue} (configure-server.cli declares the
   *     queues)
   * @param idempotencyKey unique for the work the item stands for, at most {@value #MAX_KEY}
   *     characters
   * @param payload the item as the queue's consumer reads it (text, e.g. JSON)
   * @return whether a row was written (false: the key is waiting in the outbox already)
   * @throws IllegalArgumentException if the destination is no queue of the server, or the key or
   *     payload is missing
   */
  public boolean enqueue(String destination, String idempotencyKey, String payload) {
    checkDestination(destination);
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY) {
      throw new IllegalArgumentException(
          "A work item needs an idempotency key of at most " + MAX_KEY + " characters");
    }
    if (payload == null) {
      throw new IllegalArgumentException("A work item needs a payload");
    }
    int written =
        em.createNativeQuery(INSERT)
            .setParameter(1, destination)
            .setParameter(2, idempotencyKey)
            .setParameter(3, payload)
            .setParameter(4, clock.instant())
            // the insert touches only the outbox: no need to flush the caller's pending changes
            // before it (they are flushed at the commit, in their batches)
            .unwrap(NativeQuery.class)
            .addSynchronizedQuerySpace("outbox")
            .executeUpdate();
    relayAfterCommit();
    return written == 1;
  }

  /** Asks the relay to drain once this transaction has committed; once per transaction. */
  private void relayAfterCommit() {
    if (transactions.getResource(Outbox.class) != null) {
      return;
    }
    transactions.putResource(Outbox.class, Boolean.TRUE);
    OutboxRelay drain = relay;
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing: the rows are written with the transaction
          }

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              try {
                drain.drainSoon();
              } catch (RuntimeException e) {
                // the commit stands and the rows are safe: the relay's next pass sends them
                LOG.fine(() -> "Could not ask the outbox relay to run now: " + e);
              }
            }
          }
        });
  }

  /** Refuses a name that is not a queue of this server, before anything is written. */
  static void checkDestination(String destination) {
    if (destination == null || !DESTINATION.matcher(destination).matches()) {
      throw new IllegalArgumentException("Not a queue name: " + destination);
    }
    if (KNOWN.contains(destination)) {
      return;
    }
    try {
      if (!(InitialContext.doLookup(QUEUES + destination) instanceof jakarta.jms.Queue)) {
        throw new IllegalArgumentException("Not a queue: " + QUEUES + destination);
      }
    } catch (NamingException e) {
      throw new IllegalArgumentException("No such queue: " + QUEUES + destination, e);
    }
    KNOWN.add(destination);
  }
}

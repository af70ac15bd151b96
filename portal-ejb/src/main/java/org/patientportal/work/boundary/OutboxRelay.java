package org.patientportal.work.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.work.control.OutboxRows;
import org.patientportal.work.control.OutboxRows.Row;

/**
 * Moves the rows of the {@code outbox} table to their JMS queues and deletes them. It runs right
 * after a transaction that wrote rows has committed ({@link Outbox} asks for it, {@link #drainSoon}
 * hands the work to the managed executor so the request does not wait), and every 5 seconds on its
 * own ({@link #fallback}) for rows that a crash or a failed attempt left behind.
 *
 * <p>One batch ({@link #relayBatch}) is one database transaction: it locks up to {@code
 * portal.outbox.batch} / PORTAL_OUTBOX_BATCH (200) of the oldest rows that no one else holds
 * ({@code for update skip locked}: the nodes of a cluster take disjoint batches), sends each as a
 * JMS text message through a local, non-XA transacted session of {@code java:/ConnectionFactory},
 * with the item's idempotency key as Artemis's duplicate id ({@value #DUPLICATE_ID}), commits the
 * JMS session (one journal write for the batch), then deletes the batch's rows in one statement and
 * commits the database. On a node one drain runs at a time; more requests meanwhile make it go
 * round once more, so a burst of commits costs a few batches, not one drain each.
 *
 * <p>Why a crash at any point neither loses nor doubles work:
 *
 * <ul>
 *   <li>Before the request's transaction commits: there is no row and nothing was sent; the request
 *       failed as a whole.
 *   <li>After it committed, before the relay ran (or while a batch is locked, before its JMS
 *       commit): the rows are in the database (PostgreSQL, and H2 with WRITE_DELAY=0, have them on
 *       disk when they say committed); uncommitted JMS sends are discarded by the broker; the locks
 *       go with the relay's connection; the fallback of this or another node sends the rows.
 *   <li>After the JMS commit, before the database's delete committed: the messages are on their
 *       queue and the rows are still in the outbox, so they are sent again. The broker keeps the
 *       duplicate ids of each address (in its journal, the last {@code id-cache-size}, 20,000 by
 *       default) and drops a message whose id it has. In a transacted session one duplicate fails
 *       the commit ("Duplicate message detected") and discards the whole transaction, recording
 *       none of its ids (checked on Artemis 2.44, WildFly 39's); the relay then sends that batch
 *       one message at a time without a transaction, where the broker silently drops only the
 *       duplicates. Should the cache have forgotten the id (more than 20,000 other messages to that
 *       queue in between), the consumer's own record of the key is the last guard ({@code
 *       mail.boundary.MailDelivery} claims the key in {@code email_delivery} before it sends).
 *   <li>After the delete committed: the work is on its queue (persistent messages) and only there;
 *       the queue redelivers until its consumer commits, then moves it to its dead-letter queue.
 * </ul>
 *
 * <p>A row whose queue does not exist (a queue removed from the server's configuration after the
 * row was written) stays in the outbox and is logged at every pass; the rest is sent.
 */
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class OutboxRelay {

  /** Artemis's duplicate-detection property (Message.HDR_DUPLICATE_DETECTION_ID). */
  public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  /** The broker's in-VM, non-XA factory: its transacted sessions commit on their own. */
  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource ManagedExecutorService executor;
  @Resource SessionContext context;

  @Inject
  @ConfigProperty(name = "portal.outbox.batch", defaultValue = "200")
  int batch;

  /** Drains asked for since the running drain began (0: none is running). */
  private final AtomicInteger asked = new AtomicInteger();

  /** Held by the batch being relayed: the JMS context is used by one batch at a time. */
  private final ReentrantLock relaying = new ReentrantLock();

  private final Map<String, Queue> queues = new ConcurrentHashMap<>();
  private JMSContext transacted;
  private volatile boolean stopping;

  @PostConstruct
  void checkSettings() {
    if (batch < 1 || batch > 10_000) {
      throw new IllegalStateException(
          "portal.outbox.batch / PORTAL_OUTBOX_BATCH must be 1 to 10000, not " + batch);
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
    relaying.lock();
    try {
      closeTransacted();
    } finally {
      relaying.unlock();
    }
  }

  /**
   * Has the outbox drained in a thread of the managed executor, now. Returns at once; if a drain is
   * running on this node, that one goes round once more instead.
   */
  public void drainSoon() {
    if (stopping || asked.getAndIncrement() != 0) {
      return;
    }
    OutboxRelay self = self();
    try {
      executor.execute(() -> drainWhileAsked(self));
    } catch (RejectedExecutionException e) {
      asked.set(0); // the fallback sends the rows
      LOG.fine(() -> "No thread to relay the outbox now; the next pass sends it: " + e);
    }
  }

  /** Drains the outbox in the caller's thread, unless a drain is running on this node. */
  public void drain() {
    if (stopping || asked.getAndIncrement() != 0) {
      return;
    }
    drainWhileAsked(self());
  }

  /** Every 5 seconds: sends what a crash, a failed pass or a lost request left in the outbox. */
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void fallback() {
    drain();
  }

  /**
   * Relays batch after batch until the outbox is empty, then again while more drains were asked for
   * meanwhile. The caller has counted itself in {@link #asked}.
   */
  private void drainWhileAsked(OutboxRelay self) {
    int seen;
    do {
      seen = asked.get();
      try {
        while (!stopping && self.relayBatch() == batch) {
          // a full batch: there may be more
        }
      } catch (RuntimeException e) {
        asked.set(0);
        LOG.log(
            Level.WARNING,
            "Could not move the outbox to its queues now; the rows stay and are tried again within"
                + " seconds",
            e);
        return;
      }
    } while (!asked.compareAndSet(seen, 0));
  }

  /**
   * Relays one batch in a transaction of its own.
   *
   * @return how many rows it sent (the batch size: there may be more)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int relayBatch() {
    relaying.lock();
    try (Connection c = dataSource.getConnection()) {
      List<Row> rows = OutboxRows.lock(c, batch);
      if (rows.isEmpty()) {
        return 0;
      }
      List<Row> sendable = new ArrayList<>(rows.size());
      for (Row row : rows) {
        if (queue(row.destination()) != null) {
          sendable.add(row);
        }
      }
      try {
        sendInOneTransaction(sendable);
      } catch (JMSRuntimeException e) {
        // Most likely the batch holds an item that is on its queue already (sent before a crash
        // that kept its row): the broker refuses a transaction that holds a duplicate id. One at a
        // time, it drops just the duplicates. Should the broker be failing, this fails too.
        closeTransacted();
        LOG.info(
            () ->
                "The broker refused a batch of "
                    + sendable.size()
                    + " outbox items ("
                    + e
                    + "); sending them one at a time");
        sendOneByOne(sendable);
      }
      OutboxRows.delete(c, sendable.stream().map(Row::id).toList());
      // rows left for a missing queue do not count: the drain must not go round for them forever
      return sendable.size();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read or delete outbox rows", e);
    } finally {
      relaying.unlock();
    }
  }

  private void sendInOneTransaction(List<Row> rows) {
    JMSContext jms = transacted();
    boolean committed = false;
    try {
      JMSProducer producer = jms.createProducer();
      for (Row row : rows) {
        producer.send(queue(row.destination()), message(jms, row));
      }
      jms.commit();
      committed = true;
    } finally {
      if (!committed) {
        try {
          jms.rollback();
        } catch (JMSRuntimeException e) {
          closeTransacted();
        }
      }
    }
  }

  private void sendOneByOne(List<Row> rows) {
    try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
      JMSProducer producer = jms.createProducer();
      for (Row row : rows) {
        producer.send(queue(row.destination()), message(jms, row));
      }
    }
  }

  private static TextMessage message(JMSContext jms, Row row) {
    TextMessage message = jms.createTextMessage(row.payload());
    try {
      message.setStringProperty(DUPLICATE_ID, row.idempotencyKey());
    } catch (jakarta.jms.JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
    return message;
  }

  private JMSContext transacted() {
    if (transacted == null) {
      transacted = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED);
    }
    return transacted;
  }

  private void closeTransacted() {
    if (transacted != null) {
      try {
        transacted.close();
      } catch (JMSRuntimeException e) {
        LOG.fine(() -> "Closing a broken JMS context: " + e);
      }
      transacted = null;
    }
  }

  /** The queue of a destination, or null (logged) if the server has none of that name. */
  private Queue queue(String destination) {
    Queue queue = queues.get(destination);
    if (queue != null) {
      return queue;
    }
    try {
      queue = InitialContext.doLookup(Outbox.QUEUES + destination);
      queues.put(destination, queue);
      return queue;
    } catch (NamingException | ClassCastException e) {
      LOG.severe(
          () ->
              "Outbox rows for "
                  + Outbox.QUEUES
                  + destination
                  + " stay in the outbox: the server has no such queue ("
                  + e
                  + ")");
      return null;
    }
  }

  private OutboxRelay self() {
    return context.getBusinessObject(OutboxRelay.class);
  }
}

package org.patientportal.mail.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.mail.control.Email;
import org.patientportal.mail.control.EmailTemplates;
import org.patientportal.mail.control.MailNotSentException;
import org.patientportal.mail.control.MailSender;
import org.patientportal.mail.entity.EmailDelivery;
import org.patientportal.mail.entity.EmailFill;
import org.patientportal.mail.entity.EmailItem;
import org.patientportal.platform.boundary.SchemaMigration;

/**
 * Sends the email of one queue item, once per idempotency key as far as a crash allows. Called by
 * the EmailQueue's message-driven bean, which runs without a JTA transaction: no XA branch of the
 * queue and the database is ever left in doubt. Delivery goes in three steps, each of the two
 * database steps its own short transaction ({@code REQUIRES_NEW}) and the SMTP send in none:
 *
 * <ol>
 *   <li>{@link #claim}: the key is recorded as SENDING by this attempt. If it is SENT already, the
 *       item is a duplicate and nothing is sent. If another attempt claimed it less than {@link
 *       #lease} ago, that attempt may still be sending: this one throws and the queue tries the
 *       item again later (by then it is SENT, or the claim is stale). A claim older than the lease
 *       was left by an attempt that crashed mid-send, and is taken over: the email is sent again,
 *       unless the sent-email journal shows the SMTP server had taken it.
 *   <li>The email is handed to the SMTP server ({@link MailSender}, bounded by its timeouts).
 *   <li>{@link #markSent}: one update, made as soon as the server has answered the end of DATA
 *       (before anything else is said on the kept connection). If the SMTP server refused the email
 *       or could not be reached, {@link #release} deletes this attempt's claim instead, and the
 *       failure is thrown: the queue delivers the item again after its redelivery delay, and after
 *       its last attempt moves it to its dead-letter queue.
 * </ol>
 *
 * <p>At each crash point: before the claim commits, nothing is recorded and the unacknowledged
 * message is delivered again after the restart. Between the claim and the SMTP server's acceptance,
 * no email went out and the stale claim is taken over by a later delivery. Between the acceptance
 * and the commit of SENT (a few milliseconds) the email went out but the key stays SENDING: the
 * later delivery finds the key in this server's {@link SentEmails sent-email journal}, written the
 * moment the server's reply to DATA arrived, and records it as sent without sending. Only if the
 * crash fell between the server storing the email and that line (the reply's way back and one
 * {@code write}), or the whole machine crashed and lost the line, the later delivery sends it again
 * once the lease has passed. That is the one duplicate left, and it is chosen on purpose, at least
 * once rather than at most once: a second "you have a new secure message" is harmless, a missing
 * one leaves a patient uninformed. The copy carries the same Message-ID (it follows from the key),
 * so mail clients can fold the two. After SENT commits, a redelivery (the queue's acknowledgement
 * was lost in the crash) finds SENT and sends nothing.
 *
 * <p>No caller role: it is reached only from the queue, never from a request.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDelivery {

  private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

  /**
   * How many SMTP timeouts a live attempt may hold a claim: connecting and each command's reply are
   * bounded by one timeout each, and a send is about half a dozen of them.
   */
  static final int LEASE_TIMEOUTS = 12;

  @PersistenceContext EntityManager em;
  @Inject EmailTemplates templates;
  @Inject MailSender sender;
  @Inject SentEmails sent;
  @EJB SchemaMigration schema;
  @Inject Clock clock;
  @Inject jakarta.enterprise.event.Event<EmailFill> fills;
  @Resource SessionContext context;

  @Inject
  @ConfigProperty(name = "portal.smtp.timeout-seconds", defaultValue = "10")
  int timeoutSeconds;

  /**
   * Sends the item's email unless one with its key was sent already.
   *
   * @return whether it sent the email (false: the key was delivered before)
   * @throws MailNotSentException if the SMTP server did not take it, or another attempt holds the
   *     key right now (the queue tries again later either way)
   */
  public boolean deliver(EmailItem item) {
    MailDelivery self = context.getBusinessObject(MailDelivery.class);
    Email email = templates.compose(item.template(), item.language());
    if (!item.template().secrets().isEmpty()) {
      EmailFill fill = new EmailFill(item.idempotencyKey(), item.template());
      fills.fire(fill);
      if (!fill.values().keySet().containsAll(item.template().secrets())) {
        LOG.info(
            () ->
                "Not sent, no longer to be sent (its feature gave no "
                    + item.template().secrets()
                    + "): "
                    + item.idempotencyKey());
        return false;
      }
      email = templates.fill(email, fill.values());
    }
    String attempt = UUID.randomUUID().toString();
    if (!self.claim(item, attempt)) {
      LOG.fine(() -> "Already delivered, not sent again: " + item.idempotencyKey());
      return false;
    }
    boolean[] accepted = {false};
    try {
      sender.send(
          item,
          email,
          () -> {
            accepted[0] = true;
            try {
              sent.record(item.idempotencyKey());
            } catch (RuntimeException e) {
              // without the line, a crash before the mark commits sends the email again
              LOG.warning(() -> "The sent-email journal was not written: " + e.getMessage());
            }
            self.markSent(item.idempotencyKey());
          });
    } catch (RuntimeException e) {
      if (accepted[0]) {
        // the email went out, its record did not commit: the claim goes stale after the lease and
        // the email is sent again (at least once)
        throw e;
      }
      try {
        self.release(item.idempotencyKey(), attempt);
      } catch (RuntimeException releaseFailed) {
        // the claim stays and goes stale after the lease: the email is late, not lost
        e.addSuppressed(releaseFailed);
      }
      throw e;
    }
    return true;
  }

  /**
   * Step 1, in a transaction of its own: claims the key for this attempt.
   *
   * @return true if this attempt owns the key and is to send, false if the key is SENT
   * @throws MailNotSentException if another attempt claimed it within the lease
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean claim(EmailItem item, String attempt) {
    Instant now = clock.instant();
    int claimed =
        em.createNamedQuery(EmailDelivery.CLAIM)
            .setParameter(1, item.idempotencyKey())
            .setParameter(2, item.recipient())
            .setParameter(3, item.template().name())
            .setParameter(4, now)
            .setParameter(5, attempt)
            .executeUpdate();
    if (claimed == 1) {
      return true;
    }
    int reclaimed =
        em.createNamedQuery(EmailDelivery.RECLAIM)
            .setParameter(1, item.idempotencyKey())
            .setParameter(2, now)
            .setParameter(3, attempt)
            .setParameter(4, now.minus(lease(timeoutSeconds)))
            .executeUpdate();
    if (reclaimed == 1 && sent.contains(item.idempotencyKey())) {
      em.createNamedQuery(EmailDelivery.MARK_SENT)
          .setParameter(1, item.idempotencyKey())
          .setParameter(2, now)
          .executeUpdate();
      LOG.info(
          () ->
              "The email of idempotency key "
                  + item.idempotencyKey()
                  + " was taken by the SMTP server just before a crash (the sent-email journal"
                  + " says so): recorded as sent, not sent again");
      return false;
    }
    if (reclaimed == 1) {
      LOG.warning(
          () ->
              "The email of idempotency key "
                  + item.idempotencyKey()
                  + " was being sent when an earlier attempt stopped (a crash?): it is sent again,"
                  + " with the same Message-ID");
      return true;
    }
    EmailDelivery recorded = em.find(EmailDelivery.class, item.idempotencyKey());
    if (recorded != null && recorded.getState() == EmailDelivery.State.SENT) {
      return false;
    }
    throw new MailNotSentException(
        item.idempotencyKey(),
        recorded == null
            ? "its claim was released meanwhile; tried again later"
            : "another attempt is sending it since "
                + recorded.getDeliveredAt()
                + "; tried again later",
        null);
  }

  /** Step 3, in a transaction of its own: the SMTP server took the email. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void markSent(String idempotencyKey) {
    if (schema.postgresql()) {
      // The email has gone out; from here until this commit returns, a crash of the server sends
      // it again. Not waiting for PostgreSQL's write-ahead log to reach the disk keeps that window
      // to the update itself. The mark is then lost only if PostgreSQL itself crashes within a
      // moment (its WAL writer flushes within three wal_writer_delay, 600 ms by default), and the
      // cost is the same: the email is sent again.
      em.createNativeQuery("set local synchronous_commit = off").executeUpdate();
    }
    em.createNamedQuery(EmailDelivery.MARK_SENT)
        .setParameter(1, idempotencyKey)
        .setParameter(2, clock.instant())
        .executeUpdate();
  }

  /**
   * Step 3 when sending failed, in a transaction of its own: frees the key for the next attempt.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void release(String idempotencyKey, String attempt) {
    em.createNamedQuery(EmailDelivery.RELEASE)
        .setParameter(1, idempotencyKey)
        .setParameter(2, attempt)
        .executeUpdate();
  }

  /**
   * How long a SENDING claim is taken to be a live attempt's: {@value #LEASE_TIMEOUTS} SMTP
   * timeouts (2 minutes with the default 10 s). Shorter than the queue's redelivery delays add up
   * to (30 s doubling, 6 attempts: over 15 minutes), so an item whose attempt crashed mid-send is
   * sent again before it could reach the dead-letter queue.
   */
  static Duration lease(int timeoutSeconds) {
    return Duration.ofSeconds((long) LEASE_TIMEOUTS * timeoutSeconds);
  }
}

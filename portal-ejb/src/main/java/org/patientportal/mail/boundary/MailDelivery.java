package org.patientportal.mail.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.logging.Logger;
import org.patientportal.mail.control.EmailTemplates;
import org.patientportal.mail.control.MailSender;
import org.patientportal.mail.entity.EmailDelivery;
import org.patientportal.mail.entity.EmailItem;

/**
 * Sends the email of one queue item, once per idempotency key. Called by the EmailQueue's
 * message-driven bean, in the transaction that takes the item off the queue: a failure throws, the
 * transaction rolls back, and the queue delivers the item again later (then to its dead-letter
 * queue). No caller role: it is reached only from the queue, never from a request.
 */
@Stateless
@PermitAll
public class MailDelivery {

  private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

  @PersistenceContext EntityManager em;
  @Inject EmailTemplates templates;
  @Inject MailSender sender;
  @Inject Clock clock;

  /**
   * Sends the item's email unless one with its key was sent already.
   *
   * @return whether it sent the email (false: the key was delivered before)
   * @throws org.patientportal.mail.control.MailNotSentException if the SMTP server did not take it
   */
  public boolean deliver(EmailItem item) {
    // The key is recorded before sending, so that a copy of the item delivered at the same moment
    // waits for this transaction and then finds it; if sending fails, the rollback removes it.
    int claimed =
        em.createNamedQuery(EmailDelivery.CLAIM)
            .setParameter(1, item.idempotencyKey())
            .setParameter(2, item.recipient())
            .setParameter(3, item.template().name())
            .setParameter(4, clock.instant())
            .executeUpdate();
    if (claimed == 0) {
      LOG.fine(() -> "Already delivered, not sent again: " + item.idempotencyKey());
      return false;
    }
    sender.send(item, templates.compose(item.template(), item.language()));
    return true;
  }
}

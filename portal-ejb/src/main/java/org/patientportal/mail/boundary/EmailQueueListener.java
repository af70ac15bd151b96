package org.patientportal.mail.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.patientportal.mail.control.EmailQueue;
import org.patientportal.mail.control.MailNotSentException;

/**
 * Takes email items off the EmailQueue and hands each to {@link MailDelivery}, without a JTA
 * transaction ({@code NOT_SUPPORTED}): the Artemis resource adapter then receives through a plain,
 * non-XA session and acknowledges the message only after {@code onMessage} has returned. If
 * delivery throws, the adapter rolls the session back, which counts the attempt: the broker
 * delivers the item again after the queue's redelivery delay and, after its max-delivery-attempts,
 * moves it to the dead-letter queue (EmailDLQ). A crash before the acknowledgement leaves the
 * message on the queue for the next start. So no XA branch of the journal and the database is ever
 * left in doubt after a crash (Narayana's recovery could not resolve those: their items stayed
 * "delivering"), and {@link MailDelivery} keeps its own, short transactions around the SMTP send.
 *
 * <p>At most {@value #SENDERS} deliveries run at once ({@code maxSession}): each holds a database
 * connection and an SMTP connection for up to the SMTP timeouts, and mail must not take the
 * connections and cores the requests need. The queue absorbs bursts; the relay's batches keep it
 * fed.
 *
 * <p>A failed attempt is logged once, here or where it failed ({@link MailNotSentException}s are
 * logged by the sender with the SMTP server's answers), and leaves as a {@link
 * DeliveryTriedAgainLater} without a stack trace, so an SMTP server that is down costs retries and
 * one line per attempt, not a log that fills the disk.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = EmailQueue.LOOKUP),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "maxSession",
          propertyValue = EmailQueueListener.SENDERS)
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmailQueueListener implements MessageListener {

  static final String SENDERS = "4";

  private static final Logger LOG = Logger.getLogger(EmailQueueListener.class.getName());

  @EJB MailDelivery delivery;

  @Override
  public void onMessage(Message message) {
    try {
      delivery.deliver(EmailQueue.read(message));
    } catch (RuntimeException e) {
      MailNotSentException notSent = notSent(e);
      if (notSent != null) {
        throw new DeliveryTriedAgainLater(notSent.getMessage());
      }
      LOG.log(Level.SEVERE, "An email item failed; the queue tries it again later", e);
      throw new DeliveryTriedAgainLater("An email item failed: " + e);
    }
  }

  /** The {@link MailNotSentException} in {@code e}'s causes (the container wraps it), or null. */
  private static MailNotSentException notSent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MailNotSentException found) {
        return found;
      }
    }
    return null;
  }
}

package org.patientportal.mail.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.patientportal.mail.control.EmailQueue;

/**
 * Takes email items off the EmailQueue and hands each to {@link MailDelivery}, in the container's
 * transaction: if delivery throws, the item goes back to the queue.
 *
 * <p>At most {@value #SENDERS} deliveries run at once ({@code maxSession}): each holds a database
 * connection and an SMTP connection for up to the SMTP timeouts, and mail must not take the
 * connections and cores the requests need. The queue absorbs bursts; the relay's batches keep it
 * fed.
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
public class EmailQueueListener implements MessageListener {

  static final String SENDERS = "4";

  @EJB MailDelivery delivery;

  @Override
  public void onMessage(Message message) {
    delivery.deliver(EmailQueue.read(message));
  }
}

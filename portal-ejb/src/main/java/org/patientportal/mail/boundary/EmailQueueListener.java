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
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = EmailQueue.LOOKUP),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
public class EmailQueueListener implements MessageListener {

  @EJB MailDelivery delivery;

  @Override
  public void onMessage(Message message) {
    delivery.deliver(EmailQueue.read(message));
  }
}

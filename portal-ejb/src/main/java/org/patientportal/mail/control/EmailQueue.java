package org.patientportal.mail.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.Map;
import org.patientportal.mail.entity.EmailItem;

/**
 * The queue of emails to send ({@code java:/jms/queue/EmailQueue}, with its redelivery and
 * dead-letter queue in configure-server.cli). Items go on it through the XA connection factory, so
 * an item is sent to the queue only if the transaction that put it there commits.
 */
@ApplicationScoped
public class EmailQueue {

  public static final String LOOKUP = "java:/jms/queue/EmailQueue";

  @Inject
  @JMSConnectionFactory("java:/JmsXA")
  JMSContext jms;

  @Resource(lookup = LOOKUP)
  Queue queue;

  /** Puts an item on the queue, as part of the current JTA transaction. */
  public void put(EmailItem item) {
    jms.createProducer().send(queue, item.toMap());
  }

  /** The item a message from the queue carries. */
  public static EmailItem read(Message message) {
    try {
      return EmailItem.fromMap(message.getBody(Map.class));
    } catch (JMSException e) {
      throw new IllegalArgumentException("Not an email item: " + e.getMessage(), e);
    }
  }
}

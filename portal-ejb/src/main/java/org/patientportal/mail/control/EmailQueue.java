package org.patientportal.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Map;
import org.patientportal.mail.entity.EmailItem;
import org.patientportal.work.boundary.Outbox;

/**
 * The queue of emails to send ({@code java:/jms/queue/EmailQueue}, with its redelivery and
 * dead-letter queue in configure-server.cli). Items reach it through the outbox: written in the
 * caller's transaction, moved to the queue by the outbox's relay once that transaction has
 * committed, as JSON text with the item's idempotency key as the broker's duplicate id.
 */
@ApplicationScoped
public class EmailQueue {

  /** The queue's name, as the outbox knows it. */
  public static final String NAME = "EmailQueue";

  public static final String LOOKUP = "java:/jms/queue/" + NAME;

  @Inject Outbox outbox;

  /** Puts an item on the queue, as part of the current transaction (there must be one). */
  public void put(EmailItem item) {
    outbox.enqueue(NAME, item.idempotencyKey(), item.toJson());
  }

  /**
   * The item a message from the queue carries: JSON text from the outbox, or a map message as the
   * queue held them before the outbox (still on a queue, or replayed from its dead-letter queue).
   */
  public static EmailItem read(Message message) {
    try {
      if (message instanceof TextMessage text) {
        return EmailItem.fromJson(text.getText());
      }
      if (message instanceof MapMessage) {
        return EmailItem.fromMap(message.getBody(Map.class));
      }
    } catch (JMSException e) {
      throw new IllegalArgumentException("Not an email item: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("Not an email item: " + message.getClass().getName());
  }
}

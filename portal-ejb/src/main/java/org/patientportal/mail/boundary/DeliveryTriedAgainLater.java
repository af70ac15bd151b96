package org.patientportal.mail.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Thrown out of {@link EmailQueueListener#onMessage} so that the Artemis resource adapter rolls its
 * receive back and the queue delivers the item again after its redelivery delay (and, after the
 * last attempt, moves it to the dead-letter queue).
 *
 * <p>It carries no stack trace and no cause, and it is an application exception, so the container
 * does not wrap it in an {@code EJBException}: the adapter's "failed to deliver" line is then one
 * line. The listener has logged why already (the SMTP server's answers, or the stack of an
 * unexpected failure, once). Before, every attempt while the SMTP server was down wrote the
 * container's and the adapter's stacks, about 175 lines: 15,644 failed attempts in 7 minutes made a
 * 334 MB log, and the logging took a fifth of the server's CPU.
 */
@ApplicationException
public class DeliveryTriedAgainLater extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DeliveryTriedAgainLater(String message) {
    super(message, null, false, false);
  }
}

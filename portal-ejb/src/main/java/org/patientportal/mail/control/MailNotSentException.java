package org.patientportal.mail.control;

/**
 * The SMTP server did not take an email (or another attempt is sending it right now). Thrown out of
 * the EmailQueue's message-driven bean, it makes the resource adapter roll back its receive, so the
 * queue tries the item again later and, after its last attempt, moves it to the dead-letter queue.
 */
public class MailNotSentException extends RuntimeException {

  public MailNotSentException(String idempotencyKey, Throwable cause) {
    super("The email of idempotency key " + idempotencyKey + " was not sent", cause);
  }

  /** With why, e.g. "MailConnectException: ... <- ConnectException: Connection refused". */
  public MailNotSentException(String idempotencyKey, String why, Throwable cause) {
    super("The email of idempotency key " + idempotencyKey + " was not sent: " + why, cause);
  }
}

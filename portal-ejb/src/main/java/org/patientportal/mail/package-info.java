/**
 * The portal's email: other features ask {@code boundary.Notifications} for an email in their own
 * transaction; it becomes one work item (the template, the recipient's address and language, an
 * idempotency key: never health information) in the outbox of that transaction ({@code
 * org.patientportal.work}), which moves it to the JMS queue EmailQueue once the transaction has
 * committed; a message-driven bean hands it to {@code boundary.MailDelivery}. Delivery composes the
 * email from the template in the recipient's language, sends it over SMTP and records the key, so a
 * redelivered item is not sent again; a failure is retried by the queue and finally lands in its
 * dead-letter queue.
 */
package org.patientportal.mail;

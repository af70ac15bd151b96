package org.patientportal.mail.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.PortalUser;
import org.patientportal.mail.control.EmailQueue;
import org.patientportal.mail.entity.EmailItem;
import org.patientportal.mail.entity.EmailTemplate;

/**
 * How other features have the portal email someone: in the caller's transaction (MANDATORY: there
 * must be one), so the email is queued if and only if the work that is its reason commits. Each
 * call queues one item; the idempotency key makes it one email however often the queue delivers it,
 * and however often the caller retries with the same key.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notifications {

  @Inject People people;
  @Inject EmailQueue queue;

  /**
   * Queues the "you have a new secure message" email for a portal user, in the caller's
   * transaction. Returns false (and queues nothing) if the user is unknown or has no email address.
   *
   * @param recipientUsername the user's portal username
   * @param idempotencyKey unique for this email (e.g. the message and the recipient), at most 200
   *     characters; the same key again sends nothing more
   * @throws IllegalArgumentException if the key is missing or too long
   */
  public boolean newSecureMessage(String recipientUsername, String idempotencyKey) {
    return queue(recipientUsername, idempotencyKey, EmailTemplate.NEW_SECURE_MESSAGE);
  }

  /**
   * Queues the "a message in your team is waiting" email for a team's lead, in the caller's
   * transaction: no subject, no patient, nothing of the message. Returns false (and queues nothing)
   * if the user is unknown or has no email address.
   *
   * @param idempotencyKey unique for this escalation and recipient, at most 200 characters
   */
  public boolean teamMessageWaiting(String leadUsername, String idempotencyKey) {
    return queue(leadUsername, idempotencyKey, EmailTemplate.TEAM_MESSAGE_WAITING);
  }

  private boolean queue(String username, String idempotencyKey, EmailTemplate template) {
    EmailItem.checkKey(idempotencyKey);
    Optional<PortalUser> user = username == null ? Optional.empty() : people.find(username);
    if (user.isEmpty() || user.get().getEmail() == null) {
      return false;
    }
    queue.put(
        new EmailItem(
            idempotencyKey, user.get().getEmail(), user.get().getPreferredLanguage(), template));
    return true;
  }
}

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

  /**
   * Queues the "a new request for your team" email for a member of a care team's staff, in the
   * caller's transaction: no patient, no type, nothing of the request. Returns false (and queues
   * nothing) if the user is unknown or has no email address.
   *
   * @param idempotencyKey unique for this request and recipient, at most 200 characters
   */
  public boolean newRequest(String staffUsername, String idempotencyKey) {
    return queue(staffUsername, idempotencyKey, EmailTemplate.NEW_REQUEST);
  }

  /**
   * Queues the "there is news about your request" email for a patient, in the caller's transaction:
   * neither the request's type nor its new status nor the note. Returns false (and queues nothing)
   * if the user is unknown or has no email address.
   *
   * @param idempotencyKey unique for this change and recipient, at most 200 characters
   */
  public boolean requestStatusChanged(String patientUsername, String idempotencyKey) {
    return queue(patientUsername, idempotencyKey, EmailTemplate.REQUEST_STATUS_CHANGED);
  }

  /**
   * Queues the email with an activation code to an address that has no portal account yet, in the
   * caller's transaction. The item carries no code: the caller keeps it sealed and puts it when the
   * email is sent ({@link org.patientportal.mail.entity.EmailFill}, by this idempotency key).
   *
   * @param language the person's language tag; null for English
   * @param idempotencyKey unique for this code, at most 200 characters
   */
  public void enrollmentInvitation(String address, String language, String idempotencyKey) {
    queue.put(
        new EmailItem(idempotencyKey, address, language, EmailTemplate.ENROLLMENT_INVITATION));
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

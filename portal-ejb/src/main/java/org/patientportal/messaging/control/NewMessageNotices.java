package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.care.entity.PoolMember;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.mail.boundary.Notifications;
import org.patientportal.messaging.entity.Message;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.RecipientKind;

/**
 * Who hears of a new message, by an email without health information on the EmailQueue (in the
 * sender's transaction): the care team's side for the patient's message, the patient otherwise. The
 * email is the same whatever the message (no subject, topic or name), flagged or not; a flagged
 * thread's pool staff are not told of it, as they may not read it.
 */
@ApplicationScoped
public class NewMessageNotices {

  @Inject CareDirectory care;
  @Inject Notifications notifications;

  public void send(MessageThread thread, Message message) {
    for (String recipient : recipients(thread, message.getAuthor())) {
      notifications.newSecureMessage(recipient, "message/" + message.getId() + "/to/" + recipient);
    }
  }

  Set<String> recipients(MessageThread thread, String author) {
    Set<String> recipients = new LinkedHashSet<>();
    if (author.equals(thread.getPatient())) {
      if (thread.getRecipientKind() == RecipientKind.USER) {
        recipients.add(thread.getRecipient());
      } else if (thread.isFlagged()) {
        // a flagged thread is not the pool staff's to see (ThreadAccess#maySeeFlagged): its
        // clinicians only hear of it
        care.pool(thread.getRecipient())
            .ifPresent(
                p ->
                    p.getMembers().stream()
                        .filter(m -> m.getRole() == PoolRole.CLINICIAN)
                        .map(PoolMember::getUsername)
                        .sorted()
                        .forEach(recipients::add));
      } else {
        recipients.addAll(care.membersOf(thread.getRecipient()));
      }
    } else {
      recipients.add(thread.getPatient());
    }
    recipients.remove(author);
    return recipients;
  }
}

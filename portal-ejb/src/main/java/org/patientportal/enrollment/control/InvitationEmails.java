package org.patientportal.enrollment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.enrollment.entity.EnrollmentCode;
import org.patientportal.mail.entity.EmailFill;
import org.patientportal.mail.entity.EmailTemplate;

/**
 * Puts the activation code into its email at the moment it is sent, opened from the sealed copy the
 * code's row keeps: the outbox row and the JMS message carry only the row's name ({@code
 * enrollment-code/<id>}). A code that is used, locked or expired by then is not put, and the email
 * is not sent.
 */
@ApplicationScoped
public class InvitationEmails {

  static final String PREFIX = "enrollment-code/";

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;
  @Inject Clock clock;

  void fill(@Observes EmailFill fill) {
    if (fill.template() != EmailTemplate.ENROLLMENT_INVITATION
        || !fill.idempotencyKey().startsWith(PREFIX)) {
      return;
    }
    long id;
    try {
      id = Long.parseLong(fill.idempotencyKey().substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return;
    }
    EnrollmentCode code = em.find(EnrollmentCode.class, id);
    if (code == null || code.getSealedCode() == null || code.unusableAt(clock.instant()) != null) {
      return;
    }
    fill.put("code", crypto.open(code.getSealedCode(), EnrollmentCode.sealOwner(id)));
  }
}

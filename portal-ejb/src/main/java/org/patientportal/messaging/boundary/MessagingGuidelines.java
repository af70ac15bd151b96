package org.patientportal.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.control.GuidelinesAcceptances;
import org.patientportal.messaging.control.GuidelinesText;
import org.patientportal.messaging.entity.Guidelines;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * The messaging guidelines a patient reads and accepts once before a first message; a changed text
 * asks again.
 */
@Stateless
@RolesAllowed({
  Roles.PATIENT,
  Roles.PROXY,
  Roles.CLINICIAN,
  Roles.STAFF,
  Roles.COMMUNICATIONS,
  Roles.AUDITOR,
  Roles.ADMIN
})
public class MessagingGuidelines {

  @Resource SessionContext session;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @Inject GuidelinesAcceptances acceptances;

  /** The guidelines in {@code language} (en or es), and whether the caller accepted them. */
  public Guidelines guidelines(String language) {
    GuidelinesText text = acceptances.text();
    String shown = GuidelinesText.language(language);
    return new Guidelines(
        text.version(),
        text.sha256(),
        shown,
        text.title(shown),
        text.paragraphs(shown),
        acceptances.accepted(caller()));
  }

  /**
   * Records that the caller accepted the guidelines whose text has hash {@code sha256}, as read in
   * {@code language}. A hash of an older text is refused: the text changed since it was shown.
   */
  @RolesAllowed(Roles.PATIENT)
  public void accept(String sha256, String language) {
    if (!acceptances.text().sha256().equals(sha256)) {
      throw new InvalidInputException("sha256", "{messaging.guidelines.changed}");
    }
    String me = caller();
    if (acceptances.accepted(me)) {
      return;
    }
    acceptances.record(me, language, clock.instant());
    audit.record(
        me,
        me,
        AuditAction.GUIDELINES_ACCEPTED,
        "guidelines/" + acceptances.text().version(),
        AuditOutcome.SUCCESS);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}

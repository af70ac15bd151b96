package org.patientportal.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.identity.entity.SignedIn;

/**
 * Writes every sign-in to the access log, in the sign-in's own transaction (a synchronous
 * observer): identity announces the event, the audit feature records it, and only audit depends on
 * identity.
 */
@ApplicationScoped
public class SignInAudit {

  @Inject AuditLog log;

  void record(@Observes SignedIn event) {
    log.record(
        event.username(),
        null,
        AuditAction.SIGN_IN,
        "portal-user/" + event.username(),
        AuditOutcome.SUCCESS);
  }
}

package org.patientportal.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.platform.control.RequestOrigin;

/**
 * Writes audit entries in the caller's transaction, so an access and its record commit or roll back
 * together. The client address and user agent come from the current request.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject RequestOrigin origin;

  public AuditEntry record(
      String actor, String patient, AuditAction action, String resource, AuditOutcome outcome) {
    AuditEntry entry =
        new AuditEntry(
            clock.instant(),
            actor,
            null,
            patient,
            action,
            resource,
            outcome,
            origin.clientAddress(),
            origin.userAgent());
    em.persist(entry);
    return entry;
  }
}

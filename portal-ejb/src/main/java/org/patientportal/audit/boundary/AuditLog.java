package org.patientportal.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.identity.entity.Roles;
import org.patientportal.platform.boundary.RequestOrigin;

/**
 * How every feature writes to the access log: in the caller's transaction (MANDATORY: there must be
 * one), so an access and its record commit or roll back together. The client address and user agent
 * come from the current request.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(AuditLog.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject RequestOrigin origin;

  public AuditEntry record(
      String actor, String patient, AuditAction action, String resource, AuditOutcome outcome) {
    return recordOnBehalf(actor, null, patient, action, resource, outcome);
  }

  /**
   * As {@link #record}, for an actor acting for someone else: a caregiver for the patient who
   * granted them access ({@code onBehalfOf}; null when the actor acts as themselves).
   */
  public AuditEntry recordOnBehalf(
      String actor,
      String onBehalfOf,
      String patient,
      AuditAction action,
      String resource,
      AuditOutcome outcome) {
    AuditEntry entry =
        new AuditEntry(
            clock.instant(),
            actor,
            onBehalfOf,
            patient,
            action,
            resource,
            outcome,
            origin.clientAddress(),
            origin.userAgent());
    entry.actingAs(callerRole());
    em.persist(entry);
    return entry;
  }

  /**
   * Records something that happened outside the portal (a sign-in event of Keycloak's), at its own
   * time and from its own client address rather than the current request's. No role is recorded:
   * the actor did not act through the portal.
   */
  public AuditEntry recordExternal(
      Instant at,
      String actor,
      AuditAction action,
      String resource,
      AuditOutcome outcome,
      String clientAddress,
      String userAgent) {
    AuditEntry entry =
        new AuditEntry(at, actor, null, null, action, resource, outcome, clientAddress, userAgent);
    em.persist(entry);
    return entry;
  }

  /**
   * The portal role the calling EJB's caller holds (the first of {@link Roles#ALL}); null outside
   * an EJB call or for a caller without a portal role.
   */
  private static String callerRole() {
    try {
      jakarta.ejb.EJBContext context =
          (jakarta.ejb.EJBContext) new javax.naming.InitialContext().lookup("java:comp/EJBContext");
      for (String role : Roles.ALL) {
        if (context.isCallerInRole(role)) {
          return role;
        }
      }
    } catch (javax.naming.NamingException | IllegalStateException e) {
      LOG.fine(() -> "No EJB caller to take a role from: " + e);
    }
    return null;
  }
}

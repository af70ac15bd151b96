package org.patientportal.sessions.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.identity.entity.Roles;
import org.patientportal.sessions.control.AccountSessions;
import org.patientportal.sessions.entity.SignInSession;
import org.patientportal.shared.entity.NotFoundException;

/**
 * The caller's own signed-in sessions (device, address, since when), and ending one of them. Each
 * call carries the caller's access token, which Keycloak's Account API answers for its holder
 * alone; a session id that is not among the caller's is refused as not found and audited, and an
 * ended session is recorded as SESSION_ENDED.
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
public class MySessions {

  @Inject AccountSessions keycloak;
  @Inject AuditLog audit;
  @EJB AuditService auditService;
  @Resource SessionContext context;

  public List<SignInSession> list(String accessToken) {
    return keycloak.list(accessToken);
  }

  /**
   * Ends the caller's session {@code id} in Keycloak: every browser and application signed in with
   * it is signed out (the portal's own at once, by the back-channel logout).
   */
  public void end(String accessToken, String id) {
    String resource = "session/" + id;
    boolean mine =
        id != null && keycloak.list(accessToken).stream().anyMatch(s -> s.id().equals(id));
    if (!mine) {
      auditService.recordDenied(resource);
      throw new NotFoundException("{identity.sessions.notFound}");
    }
    keycloak.end(accessToken, id);
    audit.record(
        context.getCallerPrincipal().getName(),
        null,
        AuditAction.SESSION_ENDED,
        resource,
        AuditOutcome.SUCCESS);
  }
}

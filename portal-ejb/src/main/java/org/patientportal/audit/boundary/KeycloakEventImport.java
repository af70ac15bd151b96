package org.patientportal.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.patientportal.audit.control.KeycloakEventPaging;
import org.patientportal.audit.entity.KeycloakUnavailableException;
import org.patientportal.identity.entity.Roles;
import org.patientportal.shared.entity.ConflictException;

/**
 * An auditor or administrator has Keycloak's sign-in events imported now rather than at the next
 * interval (a check after an incident, or a test); the request is itself recorded, with how it
 * went.
 */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeycloakEventImport {

  @EJB KeycloakEventImporter importer;
  @EJB KeycloakEventRecorder recorder;
  @Resource SessionContext session;

  /**
   * Imports what Keycloak has that the access log does not. Returns how many events it recorded
   * (the interval's import may have taken some a moment before).
   *
   * @throws KeycloakUnavailableException when Keycloak cannot be read (recorded as FAILED)
   */
  public int importNow() {
    String caller = session.getCallerPrincipal().getName();
    if (!importer.enabled()) {
      throw new ConflictException(
          "keycloak-events-off",
          "Keycloak's events are not imported on this server: its administrator has to set"
              + " PORTAL_AUDIT_CLIENT_SECRET.");
    }
    try {
      KeycloakEventPaging.Progress progress = importer.run();
      recorder.recordImportRequest(
          caller, "imported=" + progress.recorded() + (progress.more() ? " more=true" : ""), true);
      return progress.recorded();
    } catch (KeycloakUnavailableException e) {
      recorder.recordImportRequest(caller, "unreachable", false);
      throw e;
    }
  }
}

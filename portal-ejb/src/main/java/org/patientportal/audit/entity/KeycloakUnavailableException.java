package org.patientportal.audit.entity;

import jakarta.ejb.ApplicationException;

/**
 * Keycloak's event store could not be read: Keycloak is down or unreachable, refused the portal's
 * credentials, or answered with something else than events. The message says which, for the
 * server's log and the administrator; it carries no personal data.
 */
@ApplicationException(rollback = true)
public class KeycloakUnavailableException extends RuntimeException {

  public KeycloakUnavailableException(String message) {
    super(message);
  }
}

package org.patientportal.shared.control;

/**
 * Keycloak's admin REST API could not answer the portal: no client secret, Keycloak unreachable,
 * the token or the request refused (naming the role the service account lacks), or an unreadable
 * answer. The message is for the server's log and the operator; it carries no personal data.
 */
public class KeycloakAdminException extends RuntimeException {

  public KeycloakAdminException(String message) {
    super(message);
  }
}

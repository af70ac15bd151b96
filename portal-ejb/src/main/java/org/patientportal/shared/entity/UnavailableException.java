package org.patientportal.shared.entity;

/**
 * A service the request needs (such as Keycloak's directory of users) cannot answer now; the
 * request may succeed later. The message is for users, and carries no internal detail.
 */
public class UnavailableException extends DomainException {

  public UnavailableException(String template) {
    super(template);
  }

  @Override
  public String type() {
    return "unavailable";
  }
}

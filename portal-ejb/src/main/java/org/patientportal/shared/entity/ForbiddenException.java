package org.patientportal.shared.entity;

/** The caller is known, the resource is not secret, and the caller may not perform the action. */
public class ForbiddenException extends DomainException {

  public ForbiddenException(String message) {
    super(message);
  }

  @Override
  public String type() {
    return "forbidden";
  }
}

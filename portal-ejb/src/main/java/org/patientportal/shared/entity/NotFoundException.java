package org.patientportal.shared.entity;

/**
 * The resource does not exist, or the caller may not know that it exists: both answer the same, so
 * that a refusal never confirms an id.
 */
public class NotFoundException extends DomainException {

  public NotFoundException(String message) {
    super(message);
  }

  @Override
  public String type() {
    return "not-found";
  }
}

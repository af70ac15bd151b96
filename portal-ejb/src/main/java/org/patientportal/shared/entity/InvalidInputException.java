package org.patientportal.shared.entity;

/** Input that breaks a rule of the domain; the message says which rule, in words for the user. */
public class InvalidInputException extends DomainException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The name of the offending field, or null when the problem is not about one field. */
  public String field() {
    return field;
  }

  @Override
  public String type() {
    return "invalid-input";
  }
}

package org.patientportal.shared.entity;

import java.util.Map;

/**
 * The request is valid but cannot be done in the current state (e.g. guidelines not yet accepted);
 * the message says what to do first.
 */
public class ConflictException extends DomainException {

  private final String type;

  public ConflictException(String type, String message) {
    super(message);
    this.type = type;
  }

  public ConflictException(String type, String template, Map<String, ?> arguments) {
    super(template, arguments);
    this.type = type;
  }

  @Override
  public String type() {
    return type;
  }
}

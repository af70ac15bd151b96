package org.patientportal.shared.entity;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the domain explains to its caller. Each subclass names one reason; the web layer maps
 * it to one HTTP status and an RFC 9457 problem, and shows {@link #getMessage()} to the user, so
 * messages must never contain health information or internal detail.
 */
@ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

  protected DomainException(String message) {
    super(message);
  }

  /** A stable, machine-readable name for the kind of problem, used in the problem "type" URI. */
  public abstract String type();
}

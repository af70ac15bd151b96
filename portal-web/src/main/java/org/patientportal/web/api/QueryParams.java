package org.patientportal.web.api;

import org.patientportal.shared.entity.InvalidInputException;

/** Query parameters the resources read themselves, so that bad values are 400s naming them. */
public final class QueryParams {

  private QueryParams() {}

  /**
   * A whole-number parameter (a page number or size). A value that is not one, or too large for
   * one, is the client's mistake (400 naming the field), not a missing resource (JAX-RS's 404 for a
   * parameter it cannot convert).
   */
  public static int integer(String field, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          field, "Write a whole number from 0 to " + Integer.MAX_VALUE + ".");
    }
  }
}

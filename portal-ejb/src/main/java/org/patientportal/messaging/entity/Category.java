package org.patientportal.messaging.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * What a thread is about; shown in the subject line ("[Appointment] …") so the care team can sort
 * and prioritise by it.
 */
public enum Category {
  STATUS("Status"),
  APPOINTMENT("Appointment"),
  PRESCRIPTION("Prescription"),
  REFERRAL("Referral"),
  TEST_RESULT("Test result"),
  BILLING("Billing"),
  GENERAL("General");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  /** The English label, as in the subject line of the API; views use their resource bundle. */
  public String label() {
    return label;
  }

  /** "[Appointment] subject". */
  public String subjectLine(String subject) {
    return "[" + label + "] " + subject;
  }

  /** The category a client named; a clear refusal for anything else. */
  public static Category parse(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("category", "{messaging.category.required}");
    }
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "category",
          "{messaging.category.unknown}",
          Map.of(
              "categories",
              Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
  }
}

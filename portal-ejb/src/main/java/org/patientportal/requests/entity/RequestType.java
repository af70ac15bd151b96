package org.patientportal.requests.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.patientportal.messaging.entity.Category;
import org.patientportal.shared.entity.InvalidInputException;

/** What a request asks for: each type has its thread's category and its form's fields. */
public enum RequestType {
  APPOINTMENT(
      Category.APPOINTMENT,
      NewRequest.ForAppointment.class,
      List.of("preferredDays", "preferredTimes", "reason", "location")),
  PRESCRIPTION_RENEWAL(
      Category.PRESCRIPTION,
      NewRequest.ForPrescription.class,
      List.of("medication", "dose", "pharmacy")),
  REFERRAL(
      Category.REFERRAL, NewRequest.ForReferral.class, List.of("specialty", "reason", "insurer"));

  private final Category category;
  private final Class<?> group;
  private final List<String> fields;

  RequestType(Category category, Class<?> group, List<String> fields) {
    this.category = category;
    this.group = group;
    this.fields = fields;
  }

  /** The category of the request's thread. */
  public Category category() {
    return category;
  }

  /** The validation group of the form's constraints for this type. */
  public Class<?> group() {
    return group;
  }

  /** The form's fields, in the form's order. */
  public List<String> fields() {
    return fields;
  }

  /** The type a client named ("PRESCRIPTION" is taken for a renewal); a refusal otherwise. */
  public static RequestType parse(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("type", "{requests.type.required}");
    }
    String n = name.strip().toUpperCase(Locale.ROOT);
    if (n.equals("PRESCRIPTION")) {
      return PRESCRIPTION_RENEWAL;
    }
    try {
      return valueOf(n);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "type",
          "{requests.type.unknown}",
          Map.of(
              "types", Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
  }
}

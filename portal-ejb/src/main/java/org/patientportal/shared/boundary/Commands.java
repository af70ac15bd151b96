package org.patientportal.shared.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * Checks a command against its Bean Validation constraints before a boundary acts on it: a command
 * that breaks one is refused as {@link InvalidInputException} naming the field, with the message of
 * the constraint (a key of {@code ValidationMessages}, so each user reads it in their language).
 */
@ApplicationScoped
public class Commands {

  @Inject Validator validator;

  public <T> T valid(T command) {
    Set<ConstraintViolation<T>> violations = validator.validate(command);
    if (!violations.isEmpty()) {
      throw InvalidInputException.of(violations, order(command.getClass()));
    }
    return command;
  }

  private static List<String> order(Class<?> type) {
    return type.isRecord()
        ? Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList()
        : List.of();
  }
}

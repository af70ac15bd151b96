package org.patientportal.shared.entity;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Input that breaks a rule of the domain; the message says which rule, in words for the user. It
 * names the field at fault (and, from Bean Validation, every other field at fault too).
 */
public class InvalidInputException extends DomainException {

  /** One field at fault and what is wrong with it (a {@link UserText} template). */
  public record FieldProblem(String field, String template, Map<String, ?> arguments) {

    public FieldProblem {
      arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    }

    public String message(Locale locale) {
      return UserText.of(template, arguments, locale);
    }
  }

  private final String field;
  private final transient List<FieldProblem> problems;

  public InvalidInputException(String field, String message) {
    this(field, message, Map.of());
  }

  public InvalidInputException(String field, String template, Map<String, ?> arguments) {
    this(List.of(new FieldProblem(field, template, arguments)));
  }

  private InvalidInputException(List<FieldProblem> problems) {
    super(problems.get(0).template(), problems.get(0).arguments());
    this.field = problems.get(0).field();
    this.problems = List.copyOf(problems);
  }

  /**
   * The refusal of a command that broke its constraints: the problems ordered as {@code order}
   * names the fields (a record's components), the first of them the one the refusal names.
   */
  public static InvalidInputException of(
      Collection<? extends ConstraintViolation<?>> violations, List<String> order) {
    List<FieldProblem> problems =
        violations.stream()
            .map(
                v ->
                    new FieldProblem(
                        field(v.getPropertyPath()),
                        v.getMessageTemplate(),
                        v.getConstraintDescriptor().getAttributes()))
            .sorted(
                Comparator.comparingInt((FieldProblem p) -> rank(order, p.field()))
                    .thenComparing(FieldProblem::field, Comparator.nullsFirst(String::compareTo)))
            .toList();
    return new InvalidInputException(problems);
  }

  private static int rank(List<String> order, String field) {
    int i = order.indexOf(field);
    return i < 0 ? order.size() : i;
  }

  /** The first node of a property path: the command's field ("attachments" for attachments[2]). */
  private static String field(Path path) {
    for (Path.Node node : path) {
      if (node.getName() != null) {
        return node.getName();
      }
    }
    return null;
  }

  /** The name of the offending field, or null when the problem is not about one field. */
  public String field() {
    return field;
  }

  /** Every field at fault, the one {@link #field()} names first. */
  public List<FieldProblem> problems() {
    return problems == null ? List.of() : problems;
  }

  @Override
  public String type() {
    return "invalid-input";
  }
}

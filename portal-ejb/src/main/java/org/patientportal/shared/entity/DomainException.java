package org.patientportal.shared.entity;

import jakarta.ejb.ApplicationException;
import java.util.Locale;
import java.util.Map;

/**
 * A refusal the domain explains to its caller. Each subclass names one reason; the web layer maps
 * it to one HTTP status and an RFC 9457 problem, and shows {@link #message(Locale)} to the user, so
 * messages must never contain health information or internal detail.
 *
 * <p>The message is a {@link UserText} template: {@code {messaging.body.required}} names a text of
 * the {@code ValidationMessages} bundles, so each user reads it in their language; {@link
 * #getMessage()} is the English text (logs, and API clients).
 */
@ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

  private final String template;
  private final Map<String, ?> arguments;

  protected DomainException(String template) {
    this(template, Map.of());
  }

  protected DomainException(String template, Map<String, ?> arguments) {
    super(UserText.of(template, arguments, Locale.ROOT));
    this.template = template;
    this.arguments = Map.copyOf(arguments);
  }

  /** The message in {@code locale}'s language (English where there is no translation). */
  public String message(Locale locale) {
    return UserText.of(template, arguments, locale);
  }

  /** A stable, machine-readable name for the kind of problem, used in the problem "type" URI. */
  public abstract String type();
}

package org.patientportal.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.ResourceBundle;
import org.patientportal.identity.entity.PortalUser;
import org.patientportal.mail.entity.EmailItem;
import org.patientportal.mail.entity.EmailTemplate;

/**
 * The texts of the portal's emails, in the languages of its views: {@code emails.properties}
 * (English, also for a language the portal does not speak) and {@code emails_es.properties} beside
 * this class. The only thing filled in is the link to the portal, from {@code portal.base-url} /
 * PORTAL_BASE_URL, so no email can carry a name or anything about a person's health.
 */
@ApplicationScoped
public class EmailTemplates {

  static final String BUNDLE = "org.patientportal.mail.control.emails";
  static final String LINK = "{link}";
  static final String INBOX = "/messages/inbox.xhtml";
  static final String ENROLL_LINK = "{enroll}";
  static final String ENROLL = "/enroll.xhtml";

  private final String inboxLink;
  private final String enrollLink;

  public EmailTemplates() {
    this(
        org.eclipse.microprofile.config.ConfigProvider.getConfig(
                EmailTemplates.class.getClassLoader())
            .getOptionalValue("portal.base-url", String.class)
            .orElse("https://localhost:8443/portal"));
  }

  EmailTemplates(String baseUrl) {
    String base = baseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.inboxLink = base + INBOX;
    this.enrollLink = base + ENROLL;
  }

  /** The email of {@code template} in {@code language}, or in English if the portal lacks it. */
  public Email compose(EmailTemplate template, String language) {
    String chosen =
        language != null && PortalUser.LANGUAGES.contains(language)
            ? language
            : EmailItem.DEFAULT_LANGUAGE;
    // no fallback to the server's default locale: a missing language is English, whatever the JVM
    ResourceBundle texts =
        ResourceBundle.getBundle(
            BUNDLE,
            Locale.forLanguageTag(chosen),
            EmailTemplates.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String key = template.textKey();
    return new Email(
        chosen, fill(texts.getString(key + ".subject")), fill(texts.getString(key + ".body")));
  }

  /** {@code email} with each {@code {name}} of {@code values} replaced by its value. */
  public Email fill(Email email, java.util.Map<String, String> values) {
    String subject = email.subject();
    String text = email.text();
    for (var value : values.entrySet()) {
      subject = subject.replace("{" + value.getKey() + "}", value.getValue());
      text = text.replace("{" + value.getKey() + "}", value.getValue());
    }
    return new Email(email.language(), subject, text);
  }

  private String fill(String text) {
    return text.replace(LINK, inboxLink).replace(ENROLL_LINK, enrollLink);
  }
}

package org.patientportal.shared.entity;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Text for users from a template: {@code {key}} is looked up in the {@code ValidationMessages}
 * bundle of the user's language (the same bundle and keys as Bean Validation's messages), {@code
 * {name}} of an argument is replaced by its value. Anything else is left as written, so plain text
 * passes unchanged.
 */
public final class UserText {

  public static final String BUNDLE = "ValidationMessages";
  private static final int MAX_DEPTH = 4;

  private UserText() {}

  /** The template in {@code locale} (the bundle without a language suffix is English). */
  public static String of(String template, Map<String, ?> arguments, Locale locale) {
    return resolve(template, arguments, bundle(locale), 0);
  }

  private static String resolve(
      String template, Map<String, ?> arguments, ResourceBundle bundle, int depth) {
    if (template == null || template.indexOf('{') < 0 || depth > MAX_DEPTH) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (open < 0 || close < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, open);
      String name = template.substring(open + 1, close);
      if (arguments.containsKey(name)) {
        out.append(arguments.get(name));
      } else if (bundle != null && bundle.containsKey(name)) {
        out.append(resolve(bundle.getString(name), arguments, bundle, depth + 1));
      } else {
        out.append(template, open, close + 1);
      }
      i = close + 1;
    }
    return out.toString();
  }

  private static ResourceBundle bundle(Locale locale) {
    try {
      return ResourceBundle.getBundle(
          BUNDLE,
          locale == null ? Locale.ROOT : locale,
          UserText.class.getClassLoader(),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    } catch (MissingResourceException e) {
      return null;
    }
  }
}

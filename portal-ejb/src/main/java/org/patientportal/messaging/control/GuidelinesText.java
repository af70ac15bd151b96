package org.patientportal.messaging.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The messaging guidelines' text, from the bundle {@code org.patientportal.messaging.guidelines}
 * (English, and a Spanish translation of the same version). An acceptance records the SHA-256 of
 * the English text, so any change to it asks every patient again.
 */
public class GuidelinesText {

  static final String BUNDLE = "org.patientportal.messaging.guidelines";

  private final String version;
  private final String sha256;

  public GuidelinesText() {
    ResourceBundle english = bundle("en");
    this.version = english.getString("version");
    this.sha256 = sha256(version + "\n" + String.join("\n", paragraphs(english)));
  }

  public String version() {
    return version;
  }

  public String sha256() {
    return sha256;
  }

  /** The language the text is shown in: Spanish or English. */
  public static String language(String requested) {
    return "es".equals(requested) ? "es" : "en";
  }

  public String title(String language) {
    return bundle(language(language)).getString("title");
  }

  public List<String> paragraphs(String language) {
    return paragraphs(bundle(language(language)));
  }

  private static List<String> paragraphs(ResourceBundle bundle) {
    List<String> paragraphs = new ArrayList<>();
    for (int i = 1; bundle.containsKey("p" + i); i++) {
      paragraphs.add(bundle.getString("p" + i));
    }
    return paragraphs;
  }

  private static ResourceBundle bundle(String language) {
    return ResourceBundle.getBundle(
        BUNDLE,
        Locale.forLanguageTag(language),
        GuidelinesText.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.patientportal.messaging.entity;

import java.util.List;

/**
 * The messaging guidelines in one language: a version label, the SHA-256 of the canonical (English)
 * text that an acceptance records, and the paragraphs to show.
 */
public class Guidelines {

  private final String version;
  private final String sha256;
  private final String language;
  private final String title;
  private final List<String> paragraphs;
  private final boolean accepted;

  public Guidelines(
      String version,
      String sha256,
      String language,
      String title,
      List<String> paragraphs,
      boolean accepted) {
    this.version = version;
    this.sha256 = sha256;
    this.language = language;
    this.title = title;
    this.paragraphs = List.copyOf(paragraphs);
    this.accepted = accepted;
  }

  public String getVersion() {
    return version;
  }

  public String getSha256() {
    return sha256;
  }

  public String getLanguage() {
    return language;
  }

  public String getTitle() {
    return title;
  }

  public List<String> getParagraphs() {
    return paragraphs;
  }

  /** Whether the reader has accepted this text. */
  public boolean isAccepted() {
    return accepted;
  }
}

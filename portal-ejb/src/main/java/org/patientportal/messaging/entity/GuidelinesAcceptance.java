package org.patientportal.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A patient's acceptance of the messaging guidelines: which text (its version and SHA-256), in
 * which language, and when. A changed text has a new hash, so it must be accepted again.
 */
@Entity
@Table(name = "guidelines_acceptance")
@NamedQuery(
    name = GuidelinesAcceptance.COUNT_FOR,
    query =
        "select count(a) from GuidelinesAcceptance a"
            + " where a.username = :username and a.textSha256 = :sha256")
public class GuidelinesAcceptance {

  public static final String COUNT_FOR = "GuidelinesAcceptance.countFor";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "guidelines_acceptance_seq")
  @SequenceGenerator(
      name = "guidelines_acceptance_seq",
      sequenceName = "guidelines_acceptance_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, updatable = false, length = 64)
  private String username;

  @Column(name = "text_version", nullable = false, updatable = false, length = 64)
  private String textVersion;

  @Column(name = "text_sha256", nullable = false, updatable = false, length = 64)
  private String textSha256;

  @Column(nullable = false, updatable = false, length = 8)
  private String language;

  @Column(name = "accepted_at", nullable = false, updatable = false)
  private Instant acceptedAt;

  protected GuidelinesAcceptance() {
    // for JPA
  }

  public GuidelinesAcceptance(
      String username, String textVersion, String textSha256, String language, Instant at) {
    this.username = Objects.requireNonNull(username);
    this.textVersion = Objects.requireNonNull(textVersion);
    this.textSha256 = Objects.requireNonNull(textSha256);
    this.language = Objects.requireNonNull(language);
    this.acceptedAt = Objects.requireNonNull(at);
  }

  public String getUsername() {
    return username;
  }

  public String getTextVersion() {
    return textVersion;
  }

  public String getTextSha256() {
    return textSha256;
  }

  public String getLanguage() {
    return language;
  }

  public Instant getAcceptedAt() {
    return acceptedAt;
  }
}

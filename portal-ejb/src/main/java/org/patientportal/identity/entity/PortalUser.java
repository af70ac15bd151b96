package org.patientportal.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * The portal's record of one person known to Keycloak. The username is Keycloak's {@code
 * preferred_username}: immutable, lower case, and the key other features use to name people.
 */
@Entity
@Table(name = "portal_user")
@NamedQuery(
    name = PortalUser.BY_USERNAME,
    query = "select u from PortalUser u where u.username = :username")
public class PortalUser {

  public static final String BY_USERNAME = "PortalUser.byUsername";

  /** The languages the portal's views are written in. */
  public static final Set<String> LANGUAGES = Set.of("en", "es");

  static final int MAX_USERNAME = 64;
  static final int MAX_NAME = 200;
  static final int MAX_EMAIL = 254;
  static final int MAX_MRN = 32;
  private static final Pattern MRN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_user_seq")
  @SequenceGenerator(
      name = "portal_user_seq",
      sequenceName = "portal_user_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, updatable = false, length = MAX_USERNAME)
  private String username;

  @Column(name = "display_name", nullable = false, length = MAX_NAME)
  private String displayName;

  @Column(length = MAX_EMAIL)
  private String email;

  /** The hospital's medical record number of a patient; null for staff. */
  @Column(length = MAX_MRN, unique = true)
  private String mrn;

  @Column(name = "preferred_language", length = 8)
  private String preferredLanguage;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_sign_in_at")
  private Instant lastSignInAt;

  protected PortalUser() {
    // for JPA
  }

  public PortalUser(String username, String displayName, String email, Instant createdAt) {
    this.username = checkUsername(username);
    this.displayName = checkDisplayName(displayName, this.username);
    this.email = checkEmail(email);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Records a sign-in and takes the name and email Keycloak holds now, which an administrator may
   * have changed since the last one.
   */
  public void signedIn(String displayName, String email, Instant at) {
    Objects.requireNonNull(at, "at");
    this.displayName = checkDisplayName(displayName, username);
    this.email = checkEmail(email);
    this.lastSignInAt = at;
  }

  /** Chooses the language of the views; null returns to the browser's language. */
  public void preferLanguage(String language) {
    if (language != null && !LANGUAGES.contains(language)) {
      throw new InvalidInputException(
          "language", "The portal is available in " + String.join(", ", LANGUAGES) + ".");
    }
    this.preferredLanguage = language;
  }

  /**
   * Records the hospital's medical record number of this patient (from the hospital's patient
   * index): letters, digits, dots and dashes, at most {@value #MAX_MRN}.
   */
  public void assignMrn(String medicalRecordNumber) {
    if (medicalRecordNumber == null
        || medicalRecordNumber.length() > MAX_MRN
        || !MRN.matcher(medicalRecordNumber).matches()) {
      throw new InvalidInputException(
          "mrn",
          "A medical record number has at most " + MAX_MRN + " letters, digits, dots or dashes.");
    }
    this.mrn = medicalRecordNumber;
  }

  static String checkUsername(String username) {
    if (username == null || username.isBlank()) {
      throw new InvalidInputException("username", "A username is required.");
    }
    String normalised = username.strip().toLowerCase(Locale.ROOT);
    if (normalised.length() > MAX_USERNAME || !USERNAME.matcher(normalised).matches()) {
      throw new InvalidInputException(
          "username",
          "A username has at most "
              + MAX_USERNAME
              + " letters, digits, dots, dashes, underscores or @.");
    }
    return normalised;
  }

  private static String checkDisplayName(String displayName, String fallback) {
    String name = displayName == null || displayName.isBlank() ? fallback : displayName.strip();
    if (name.length() > MAX_NAME) {
      throw new InvalidInputException(
          "displayName", "A name has at most " + MAX_NAME + " characters.");
    }
    return name;
  }

  private static String checkEmail(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    String address = email.strip();
    if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) {
      throw new InvalidInputException("email", "This is not an email address.");
    }
    return address;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getEmail() {
    return email;
  }

  /** The hospital's medical record number; null for staff and patients not matched yet. */
  public String getMrn() {
    return mrn;
  }

  public String getPreferredLanguage() {
    return preferredLanguage;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastSignInAt() {
    return lastSignInAt;
  }
}

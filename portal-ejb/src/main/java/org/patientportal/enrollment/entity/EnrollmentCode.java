package org.patientportal.enrollment.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.patientportal.crypto.entity.Sealed;

/**
 * One activation code and the registration it was issued for: who (name, date of birth, email, and
 * for a patient the medical record number), by whom, until when. The code itself is kept only as
 * its hash; an emailed code is also kept sealed until it is sent or no longer usable.
 */
@Entity
@Table(name = "enrollment_code")
@NamedQuery(
    name = EnrollmentCode.BY_HASH,
    query = "select c from EnrollmentCode c where c.codeHash = :hash")
@NamedQuery(
    name = EnrollmentCode.OPEN_WITH_MRN,
    query =
        "select count(c) from EnrollmentCode c where c.mrn = :mrn and c.usedAt is null"
            + " and c.lockedAt is null and c.expiresAt > :now")
public class EnrollmentCode {

  public static final String BY_HASH = "EnrollmentCode.byHash";
  public static final String OPEN_WITH_MRN = "EnrollmentCode.openWithMrn";

  /** Wrong details tried against one code before it locks. */
  public static final int MAX_ATTEMPTS = 5;

  /** Why a code cannot be used (never told to the person trying it). */
  public enum Unusable {
    EXPIRED,
    USED,
    LOCKED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrollment_code_seq")
  @SequenceGenerator(
      name = "enrollment_code_seq",
      sequenceName = "enrollment_code_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "code_hash", nullable = false, updatable = false, length = 64)
  private String codeHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private EnrollmentKind kind;

  @Column(name = "first_name", nullable = false, updatable = false, length = 100)
  private String firstName;

  @Column(name = "last_name", nullable = false, updatable = false, length = 100)
  private String lastName;

  @Column(name = "birth_date", nullable = false, updatable = false)
  private LocalDate birthDate;

  @Column(nullable = false, updatable = false, length = 254)
  private String email;

  @Column(updatable = false, length = 32)
  private String mrn;

  @Column(name = "issued_by", nullable = false, updatable = false, length = 64)
  private String issuedBy;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Delivery delivery;

  @Column(name = "failed_attempts", nullable = false)
  private int failedAttempts;

  @Column(name = "locked_at")
  private Instant lockedAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "enrolled_username", length = 64)
  private String enrolledUsername;

  /** The code sealed for its email, until it is sent or no longer usable; else null. */
  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "ciphertext", nullable = true))
  @AttributeOverride(name = "nonce", column = @Column(name = "nonce", nullable = true))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "wrapped_key", nullable = true))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "key_version", nullable = true))
  private Sealed sealedCode;

  protected EnrollmentCode() {
    // for JPA
  }

  public EnrollmentCode(
      String codeHash,
      EnrollmentKind kind,
      String firstName,
      String lastName,
      LocalDate birthDate,
      String email,
      String mrn,
      String issuedBy,
      Instant issuedAt,
      Instant expiresAt,
      Delivery delivery) {
    this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.firstName = Objects.requireNonNull(firstName, "firstName");
    this.lastName = Objects.requireNonNull(lastName, "lastName");
    this.birthDate = Objects.requireNonNull(birthDate, "birthDate");
    this.email = normalEmail(Objects.requireNonNull(email, "email"));
    if (kind == EnrollmentKind.PATIENT && (mrn == null || mrn.isBlank())) {
      throw new IllegalArgumentException("A patient's code needs a medical record number");
    }
    this.mrn = kind == EnrollmentKind.PATIENT ? mrn : null;
    this.issuedBy = Objects.requireNonNull(issuedBy, "issuedBy");
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("A code expires after it is issued");
    }
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  /** An email address as codes compare it: stripped, lower case. */
  public static String normalEmail(String email) {
    return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  /** Why the code cannot be used at {@code now}; null if it can. */
  public Unusable unusableAt(Instant now) {
    if (usedAt != null) {
      return Unusable.USED;
    }
    if (lockedAt != null) {
      return Unusable.LOCKED;
    }
    if (!now.isBefore(expiresAt)) {
      return Unusable.EXPIRED;
    }
    return null;
  }

  /** Whether the date of birth and email given are the registration's. */
  public boolean matches(LocalDate birthDate, String email) {
    return this.birthDate.equals(birthDate) && this.email.equals(normalEmail(email));
  }

  /**
   * Counts a wrong try; the {@value #MAX_ATTEMPTS}th locks the code for good.
   *
   * @return whether this try locked it
   */
  public boolean failedAttempt(Instant at) {
    failedAttempts++;
    if (failedAttempts >= MAX_ATTEMPTS && lockedAt == null) {
      lockedAt = at;
      sealedCode = null;
      return true;
    }
    return false;
  }

  /** The code was used to create {@code username}'s account; it never works again. */
  public void used(String username, Instant at) {
    if (usedAt != null) {
      throw new IllegalStateException("A code is used once");
    }
    usedAt = Objects.requireNonNull(at, "at");
    enrolledUsername = Objects.requireNonNull(username, "username");
    sealedCode = null;
  }

  /** Keeps the code sealed for its email. */
  public void sealForEmail(Sealed sealed) {
    this.sealedCode = sealed;
  }

  /** The owner bound into the sealed code's associated data. */
  public static String sealOwner(long id) {
    return "enrollment-code/" + id;
  }

  public Long getId() {
    return id;
  }

  public EnrollmentKind getKind() {
    return kind;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public String getEmail() {
    return email;
  }

  public String getMrn() {
    return mrn;
  }

  public String getIssuedBy() {
    return issuedBy;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Delivery getDelivery() {
    return delivery;
  }

  public int getFailedAttempts() {
    return failedAttempts;
  }

  public Instant getLockedAt() {
    return lockedAt;
  }

  public Instant getUsedAt() {
    return usedAt;
  }

  public String getEnrolledUsername() {
    return enrolledUsername;
  }

  public Sealed getSealedCode() {
    return sealedCode;
  }
}

package org.patientportal.enrollment.entity;

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

/** One refused attempt to enroll, counted per client address and per email for rate limits. */
@Entity
@Table(name = "enrollment_failure")
@NamedQuery(
    name = EnrollmentFailure.BY_ADDRESS_SINCE,
    query =
        "select count(f) from EnrollmentFailure f where f.clientAddress = :address"
            + " and f.failedAt > :since")
@NamedQuery(
    name = EnrollmentFailure.BY_EMAIL_SINCE,
    query =
        "select count(f) from EnrollmentFailure f where f.emailHash = :email"
            + " and f.failedAt > :since")
public class EnrollmentFailure {

  public static final String BY_ADDRESS_SINCE = "EnrollmentFailure.byAddressSince";
  public static final String BY_EMAIL_SINCE = "EnrollmentFailure.byEmailSince";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrollment_failure_seq")
  @SequenceGenerator(
      name = "enrollment_failure_seq",
      sequenceName = "enrollment_failure_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "failed_at", nullable = false, updatable = false)
  private Instant failedAt;

  @Column(name = "client_address", nullable = false, updatable = false, length = 64)
  private String clientAddress;

  @Column(name = "email_hash", nullable = false, updatable = false, length = 64)
  private String emailHash;

  protected EnrollmentFailure() {
    // for JPA
  }

  public EnrollmentFailure(Instant failedAt, String clientAddress, String emailHash) {
    this.failedAt = Objects.requireNonNull(failedAt, "failedAt");
    String address = Objects.requireNonNull(clientAddress, "clientAddress");
    this.clientAddress = address.length() > 64 ? address.substring(0, 64) : address;
    this.emailHash = Objects.requireNonNull(emailHash, "emailHash");
  }
}

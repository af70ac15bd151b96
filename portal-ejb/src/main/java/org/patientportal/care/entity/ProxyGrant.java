package org.patientportal.care.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * A caregiver's access to a patient: which scopes, until when, given by whom (the patient, or staff
 * with a recorded reason), and, once revoked, by whom and when. A grant acts only while it is
 * neither expired nor revoked ({@link #activeAt}); it is never deleted.
 */
@Entity
@Table(name = "proxy_grant")
@NamedQuery(
    name = ProxyGrant.OF_PATIENT,
    query =
        "select g from ProxyGrant g where g.patient = :patient order by g.createdAt desc, g.id desc")
@NamedQuery(
    name = ProxyGrant.OF_PROXY,
    query =
        "select g from ProxyGrant g where g.proxy = :proxy order by g.createdAt desc, g.id desc")
@NamedQuery(
    name = ProxyGrant.BETWEEN,
    query =
        "select g from ProxyGrant g where g.proxy = :proxy and g.patient = :patient"
            + " and g.revokedAt is null and g.expiresAt > :now order by g.createdAt desc, g.id desc")
public class ProxyGrant {

  public static final String OF_PATIENT = "ProxyGrant.ofPatient";
  public static final String OF_PROXY = "ProxyGrant.ofProxy";
  public static final String BETWEEN = "ProxyGrant.between";

  /** The longest a patient's own grant may run. */
  public static final Duration PATIENT_MAX = Duration.ofDays(366);

  /** The longest a grant staff set up may run. */
  public static final Duration STAFF_MAX = Duration.ofDays(731);

  public static final int MAX_REASON = 500;

  @Id private Long id;

  @Version private long version;

  @Column(nullable = false, updatable = false, length = 64)
  private String patient;

  @Column(nullable = false, updatable = false, length = 64)
  private String proxy;

  @Column(nullable = false, updatable = false, length = 64)
  private String scopes;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(updatable = false, length = MAX_REASON)
  private String reason;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by", length = 64)
  private String revokedBy;

  protected ProxyGrant() {}

  /**
   * A grant from {@code createdBy} (the patient themselves, or staff with a {@code reason}).
   *
   * @throws InvalidInputException for no scope, an expiry not after {@code now} or beyond the
   *     longest allowed (a year and a day for a patient, two years and a day for staff), a grant to
   *     oneself, or staff without a reason
   */
  public ProxyGrant(
      long id,
      String patient,
      String proxy,
      Set<ProxyScope> scopes,
      Instant expiresAt,
      String createdBy,
      Instant now,
      String reason) {
    this.id = id;
    this.patient = Objects.requireNonNull(patient, "patient");
    this.proxy = Objects.requireNonNull(proxy, "proxy");
    this.createdBy = Objects.requireNonNull(createdBy, "created by");
    this.createdAt = Objects.requireNonNull(now, "now");
    if (proxy.equals(patient)) {
      throw new InvalidInputException("proxy", "{care.proxy.self}");
    }
    if (scopes == null || scopes.isEmpty()) {
      throw new InvalidInputException("scopes", "{care.proxy.scopes.required}");
    }
    this.scopes = EnumSet.copyOf(scopes).stream().map(Enum::name).collect(Collectors.joining(","));
    boolean byStaff = !createdBy.equals(patient);
    String why = reason == null ? null : reason.strip();
    if (byStaff && (why == null || why.isEmpty())) {
      throw new InvalidInputException("reason", "{care.proxy.reason.required}");
    }
    if (why != null && why.length() > MAX_REASON) {
      throw new InvalidInputException("reason", "{care.proxy.reason.tooLong}");
    }
    this.reason = why == null || why.isEmpty() ? null : why;
    Duration max = byStaff ? STAFF_MAX : PATIENT_MAX;
    if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(max))) {
      throw new InvalidInputException("expiresAt", "{care.proxy.expiry.range}");
    }
    this.expiresAt = expiresAt;
  }

  /** Whether the grant lets its caregiver act now: neither revoked nor expired. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  /** Whether the grant lets its caregiver do what {@code scope} covers now. */
  public boolean allows(ProxyScope scope, Instant now) {
    return activeAt(now) && getScopes().contains(scope);
  }

  /** Ends the grant; revoking twice is refused. */
  public void revoke(String by, Instant at) {
    if (revokedAt != null) {
      throw new ConflictException("proxy-grant-revoked", "{care.proxy.revoked}");
    }
    this.revokedBy = Objects.requireNonNull(by, "by");
    this.revokedAt = Objects.requireNonNull(at, "at");
  }

  public Long getId() {
    return id;
  }

  public String getPatient() {
    return patient;
  }

  public String getProxy() {
    return proxy;
  }

  public Set<ProxyScope> getScopes() {
    EnumSet<ProxyScope> set = EnumSet.noneOf(ProxyScope.class);
    Arrays.stream(scopes.split(",")).map(ProxyScope::valueOf).forEach(set::add);
    return set;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getReason() {
    return reason;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public String getRevokedBy() {
    return revokedBy;
  }
}

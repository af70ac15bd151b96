package org.patientportal.requests.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.patientportal.crypto.entity.Sealed;
import org.patientportal.messaging.entity.RequestStatus;
import org.patientportal.shared.entity.ConflictException;

/**
 * A patient's request to their care team, and the thread it became. Its fields are sealed together
 * ({@link #detailsOwner}); its status moves only along {@link RequestStatus#next()}.
 */
@Entity
@Table(name = "care_request")
@NamedQuery(
    name = CareRequest.OF_THREAD,
    query = "select r from CareRequest r where r.threadId = :thread")
public class CareRequest {

  public static final String OF_THREAD = "CareRequest.ofThread";

  @Id private Long id;

  @Version private long version;

  @Column(name = "thread_id", nullable = false, updatable = false)
  private long threadId;

  @Column(nullable = false, updatable = false, length = 64)
  private String patient;

  @Column(name = "pool_code", nullable = false, updatable = false, length = 64)
  private String poolCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "request_type", nullable = false, updatable = false, length = 24)
  private RequestType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RequestStatus status;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "details_ciphertext"))
  @AttributeOverride(name = "nonce", column = @Column(name = "details_nonce"))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "details_wrapped_key"))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "details_key_version"))
  private Sealed details;

  protected CareRequest() {
    // for JPA
  }

  /** A new request with its id (from {@code Ids}) and its fields sealed for that id. */
  public CareRequest(
      long id,
      long threadId,
      String patient,
      String poolCode,
      RequestType type,
      String createdBy,
      Instant createdAt,
      Sealed details) {
    this.id = id;
    this.threadId = threadId;
    this.patient = Objects.requireNonNull(patient, "patient");
    this.poolCode = Objects.requireNonNull(poolCode, "pool");
    this.type = Objects.requireNonNull(type, "type");
    this.createdBy = Objects.requireNonNull(createdBy, "created by");
    this.createdAt = Objects.requireNonNull(createdAt, "created at");
    this.updatedAt = createdAt;
    this.details = Objects.requireNonNull(details, "sealed details");
    this.status = RequestStatus.SUBMITTED;
  }

  /** What the fields' seal is bound to: the request's id. */
  public static String detailsOwner(long requestId) {
    return "request/" + requestId + "/details";
  }

  /**
   * Moves the request to {@code next}.
   *
   * @throws ConflictException if {@code next} is not a legal step from the current status
   */
  public void moveTo(RequestStatus next, Instant at) {
    if (!status.canBecome(Objects.requireNonNull(next, "status"))) {
      throw new ConflictException(
          "request-status",
          "{requests.status.illegal}",
          Map.of("from", status.name(), "to", next.name()));
    }
    this.status = next;
    this.updatedAt = Objects.requireNonNull(at, "at");
  }

  public Long getId() {
    return id;
  }

  public long getThreadId() {
    return threadId;
  }

  public String getPatient() {
    return patient;
  }

  public String getPoolCode() {
    return poolCode;
  }

  public RequestType getType() {
    return type;
  }

  public RequestStatus getStatus() {
    return status;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Sealed getDetails() {
    return details;
  }
}

package org.patientportal.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change of a patient's agreement to one topic: who made it, when, and, when it answered a
 * consent request, which. Written once; the current agreements are each topic's latest change
 * ({@link #current}).
 */
@Entity
@Table(name = "topic_consent_change")
@NamedQuery(
    name = ConsentChange.OF_PATIENT,
    query = "select c from ConsentChange c where c.patient = :patient order by c.id")
public class ConsentChange {

  public static final String OF_PATIENT = "ConsentChange.ofPatient";

  @Id private Long id;

  @Column(nullable = false, updatable = false, length = 64)
  private String patient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 24)
  private SensitiveTopic topic;

  @Column(nullable = false, updatable = false)
  private boolean agreed;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false, updatable = false, length = 64)
  private String changedBy;

  @Column(name = "request_id", updatable = false)
  private Long requestId;

  protected ConsentChange() {
    // for JPA
  }

  public ConsentChange(
      long id,
      String patient,
      SensitiveTopic topic,
      boolean agreed,
      Instant changedAt,
      String changedBy,
      Long requestId) {
    this.id = id;
    this.patient = Objects.requireNonNull(patient, "patient");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.agreed = agreed;
    this.changedAt = Objects.requireNonNull(changedAt, "changed at");
    this.changedBy = Objects.requireNonNull(changedBy, "changed by");
    this.requestId = requestId;
  }

  /** Every topic with its latest change's answer (no change: not agreed), in topic order. */
  public static Map<SensitiveTopic, Boolean> current(List<ConsentChange> history) {
    Map<SensitiveTopic, Boolean> now = new EnumMap<>(SensitiveTopic.class);
    for (SensitiveTopic t : SensitiveTopic.values()) {
      now.put(t, false);
    }
    for (ConsentChange c : history) {
      now.put(c.topic, c.agreed);
    }
    return now;
  }

  public Long getId() {
    return id;
  }

  public String getPatient() {
    return patient;
  }

  public SensitiveTopic getTopic() {
    return topic;
  }

  public boolean isAgreed() {
    return agreed;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Long getRequestId() {
    return requestId;
  }
}

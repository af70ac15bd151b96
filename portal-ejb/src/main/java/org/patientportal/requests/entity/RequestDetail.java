package org.patientportal.requests.entity;

import java.time.Instant;
import java.util.Map;
import org.patientportal.messaging.entity.RequestStatus;

/**
 * A request as its readers see it: whose, what type, where it stands, its thread, and (when opened
 * on its own, never in a list) its fields. A class with getters: the views read it with EL.
 */
public class RequestDetail {

  private final long id;
  private final long threadId;
  private final RequestType type;
  private final RequestStatus status;
  private final String patient;
  private final String patientName;
  private final String team;
  private final String createdBy;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final Map<String, String> fields;

  public RequestDetail(
      CareRequest r, String patientName, String teamName, Map<String, String> fields) {
    this.id = r.getId();
    this.threadId = r.getThreadId();
    this.type = r.getType();
    this.status = r.getStatus();
    this.patient = r.getPatient();
    this.patientName = patientName;
    this.team = teamName;
    this.createdBy = r.getCreatedBy();
    this.createdAt = r.getCreatedAt();
    this.updatedAt = r.getUpdatedAt();
    this.fields = fields;
  }

  public long getId() {
    return id;
  }

  public long getThreadId() {
    return threadId;
  }

  public RequestType getType() {
    return type;
  }

  public RequestStatus getStatus() {
    return status;
  }

  public String getPatient() {
    return patient;
  }

  public String getPatientName() {
    return patientName;
  }

  /** The name of the care team the request went to. */
  public String getTeam() {
    return team;
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

  /** The fields by name, in the form's order; null in a list (lists open no seal). */
  public Map<String, String> getFields() {
    return fields;
  }
}

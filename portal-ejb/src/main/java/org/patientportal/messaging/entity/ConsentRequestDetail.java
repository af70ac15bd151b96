package org.patientportal.messaging.entity;

import java.time.Instant;
import java.util.List;
import org.patientportal.consent.entity.SensitiveTopic;

/**
 * A request for the patient's agreement as its readers see it: the topics asked for (opened from
 * their seal), who asked and when, and when the patient answered (null: not yet). Getters for the
 * views (EL cannot read record accessors).
 */
public record ConsentRequestDetail(
    long id,
    long threadId,
    long messageId,
    String requestedBy,
    Instant requestedAt,
    List<SensitiveTopic> topics,
    Instant answeredAt) {

  public ConsentRequestDetail {
    topics = List.copyOf(topics);
  }

  public long getId() {
    return id;
  }

  public long getMessageId() {
    return messageId;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public List<SensitiveTopic> getTopics() {
    return topics;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public boolean isAnswered() {
    return answeredAt != null;
  }
}

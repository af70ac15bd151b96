package org.patientportal.consent.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.consent.entity.ConsentChange;
import org.patientportal.consent.entity.SensitiveTopic;
import org.patientportal.platform.boundary.Ids;

/**
 * A patient's agreements to sensitive topics: what they are now, which of a message's topics lack
 * one, and changes, each written as a row of the history and audited as CONSENT_CHANGED. Runs in
 * the calling boundary's transaction and leaves authorisation to it ({@link Consents} for the
 * patient and the care team, messaging for a send and a consent request's answer).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Agreements {

  @PersistenceContext EntityManager em;
  @Inject Ids ids;
  @Inject Clock clock;
  @Inject AuditLog audit;

  /** Every topic with whether the patient agrees to it now, in topic order. */
  public Map<SensitiveTopic, Boolean> current(String patient) {
    return ConsentChange.current(history(patient));
  }

  /** Every change the patient's agreements went through, oldest first. */
  public List<ConsentChange> history(String patient) {
    return em.createNamedQuery(ConsentChange.OF_PATIENT, ConsentChange.class)
        .setParameter("patient", patient)
        .getResultList();
  }

  /** The topics of {@code topics} the patient has not agreed to (none: a message may be sent). */
  public Set<SensitiveTopic> missing(String patient, Set<SensitiveTopic> topics) {
    Set<SensitiveTopic> missing = EnumSet.noneOf(SensitiveTopic.class);
    if (topics.isEmpty()) {
      return missing;
    }
    Map<SensitiveTopic, Boolean> now = current(patient);
    for (SensitiveTopic t : topics) {
      if (!now.get(t)) {
        missing.add(t);
      }
    }
    return missing;
  }

  /**
   * Records what {@code changes} changes (a topic already so is left alone), by {@code by}, in
   * answer to {@code requestId} when not null; returns the rows written.
   */
  public List<ConsentChange> change(
      String patient, Map<SensitiveTopic, Boolean> changes, String by, Long requestId) {
    Map<SensitiveTopic, Boolean> now = current(patient);
    Instant at = clock.instant();
    List<ConsentChange> written = new ArrayList<>();
    for (SensitiveTopic topic : SensitiveTopic.values()) {
      Boolean wanted = changes.get(topic);
      if (wanted == null || wanted.equals(now.get(topic))) {
        continue;
      }
      ConsentChange change =
          new ConsentChange(
              ids.next("topic_consent_change_seq"), patient, topic, wanted, at, by, requestId);
      em.persist(change);
      written.add(change);
      audit.record(
          by,
          patient,
          AuditAction.CONSENT_CHANGED,
          "consent/"
              + topic.name()
              + " "
              + (wanted ? "agreed" : "withdrawn")
              + (requestId == null ? "" : " request/" + requestId),
          AuditOutcome.SUCCESS);
    }
    return written;
  }
}

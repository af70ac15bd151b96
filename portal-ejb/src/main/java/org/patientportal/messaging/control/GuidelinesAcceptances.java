package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.patientportal.messaging.entity.GuidelinesAcceptance;
import org.patientportal.shared.entity.ConflictException;

/** Who accepted which text of the messaging guidelines; a patient writes only after accepting. */
@ApplicationScoped
public class GuidelinesAcceptances {

  private final GuidelinesText text = new GuidelinesText();

  @PersistenceContext EntityManager em;

  public GuidelinesText text() {
    return text;
  }

  /** Whether {@code username} accepted the current text. */
  public boolean accepted(String username) {
    return em.createNamedQuery(GuidelinesAcceptance.COUNT_FOR, Long.class)
            .setParameter("username", username)
            .setParameter("sha256", text.sha256())
            .getSingleResult()
        > 0;
  }

  /** Refuses (409) a patient who has not accepted the current text. */
  public void require(String patient) {
    if (!accepted(patient)) {
      throw new ConflictException("guidelines-not-accepted", "{messaging.guidelines.notAccepted}");
    }
  }

  /** Records an acceptance of the current text, as read in {@code language}. */
  public void record(String username, String language, Instant at) {
    em.persist(
        new GuidelinesAcceptance(
            username, text.version(), text.sha256(), GuidelinesText.language(language), at));
  }
}

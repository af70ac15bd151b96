package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.ThreadEvent;

/** Writes a step of a thread's handling to its history, in the calling boundary's transaction. */
@ApplicationScoped
public class ThreadEvents {

  @PersistenceContext EntityManager em;

  public void record(
      MessageThread thread, ThreadEvent.Kind kind, String actor, String target, Instant at) {
    em.persist(new ThreadEvent(thread.getId(), at, kind, actor, target));
  }
}

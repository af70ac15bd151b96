package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.SubjectToken;

/**
 * The keyed blind index of thread subjects: for each distinct word of a subject ({@link
 * SubjectWords}), a token that is the first 64 bits of HMAC-SHA256 under the search key ({@link
 * Crypto#searchToken}). A search computes the same tokens from its words and asks for threads that
 * hold all of them. The database sees which threads share a word and how many words a subject has,
 * never the words; see the README's Secure messaging section for what that reveals.
 */
@ApplicationScoped
public class SubjectIndex {

  /** The index's domain in the HMAC input: a subject word is not a token of any other index. */
  public static final String DOMAIN = "thread-subject";

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;

  /** Indexes a new (persisted) thread's subject, in the caller's transaction. */
  public void index(MessageThread thread, String subject) {
    for (long token : tokens(subject)) {
      em.persist(new SubjectToken(thread.getId(), token));
    }
    thread.subjectIndexed(crypto.searchKeyVersion());
  }

  /** The distinct tokens of a text's words (empty when it has no word long enough). */
  public List<Long> tokens(String text) {
    Set<Long> tokens = new LinkedHashSet<>();
    for (String word : SubjectWords.of(text)) {
      tokens.add(crypto.searchToken(DOMAIN, word));
    }
    return new ArrayList<>(tokens);
  }

  /**
   * Indexes up to {@code batch} threads whose subjects are not in the index yet (threads written
   * before it existed), opening each subject once; returns how many it indexed. Threads are marked
   * with one update that leaves their version alone, so a reply written meanwhile is not refused.
   */
  public int backfill(int batch) {
    List<MessageThread> pending =
        em.createQuery(
                "select t from MessageThread t where t.subjectIndexVersion is null order by t.id",
                MessageThread.class)
            .setMaxResults(batch)
            .getResultList();
    if (pending.isEmpty()) {
      return 0;
    }
    List<Long> ids = new ArrayList<>(pending.size());
    for (MessageThread t : pending) {
      em.createQuery("delete from SubjectToken k where k.threadId = :id")
          .setParameter("id", t.getId())
          .executeUpdate();
      for (long token : tokens(crypto.open(t.getSubject(), t.subjectOwner()))) {
        em.persist(new SubjectToken(t.getId(), token));
      }
      ids.add(t.getId());
      em.detach(t);
    }
    em.flush();
    em.createQuery(
            "update MessageThread t set t.subjectIndexVersion = :v"
                + " where t.id in :ids and t.subjectIndexVersion is null")
        .setParameter("v", crypto.searchKeyVersion())
        .setParameter("ids", ids)
        .executeUpdate();
    return pending.size();
  }
}

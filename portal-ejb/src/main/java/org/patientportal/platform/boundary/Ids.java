package org.patientportal.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ids taken from a database sequence before an entity exists, for entities whose content is sealed
 * with their own id as associated data (the seal must be made before the row is inserted). Ids come
 * in blocks of {@link #BLOCK}: the sequences increment by that much, so one database round trip
 * serves fifty entities, and every node of a cluster gets blocks of its own.
 */
@ApplicationScoped
public class Ids {

  public static final int BLOCK = 50;

  /** The sequences allocated here (created by the migrations with "increment by 50"). */
  static final Set<String> SEQUENCES =
      Set.of(
          "message_thread_seq",
          "message_seq",
          "attachment_seq",
          "reply_template_seq",
          "care_request_seq",
          "thread_forward_seq",
          "record_entry_seq",
          "topic_consent_change_seq",
          "consent_request_seq",
          "proxy_grant_seq");

  @PersistenceContext EntityManager em;

  private final Map<String, long[]> blocks = new HashMap<>();

  /** The next id of {@code sequence}. */
  public synchronized long next(String sequence) {
    if (!SEQUENCES.contains(sequence)) {
      throw new IllegalArgumentException("Not a sequence of Ids: " + sequence);
    }
    long[] block = blocks.get(sequence);
    if (block == null || block[0] > block[1]) {
      long high =
          ((Number) em.createNativeQuery("select nextval('" + sequence + "')").getSingleResult())
              .longValue();
      block = new long[] {high, high + BLOCK - 1};
      blocks.put(sequence, block);
    }
    return block[0]++;
  }
}

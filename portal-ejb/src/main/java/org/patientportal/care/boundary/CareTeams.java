package org.patientportal.care.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Read-only questions other features ask about care teams, in bulk: the audit reports ask which
 * patients each person cares for, instead of reading the care feature's tables themselves. It runs
 * in the caller's transaction (or none) and leaves authorisation to the calling boundary.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CareTeams {

  @PersistenceContext EntityManager em;

  /**
   * The patients each of {@code members} cares for through a pool they belong to; someone on no
   * pool maps to an empty set.
   */
  public Map<String, Set<String>> patientsCaredForBy(Collection<String> members) {
    Map<String, Set<String>> cared = new HashMap<>();
    members.forEach(m -> cared.put(m, new HashSet<>()));
    if (members.isEmpty()) {
      return cared;
    }
    for (Object[] row :
        em.createQuery(
                "select distinct m.username, patient from CarePool p join p.members m"
                    + " join p.patients patient where m.username in :members",
                Object[].class)
            .setParameter("members", members)
            .getResultList()) {
      cared.get((String) row[0]).add((String) row[1]);
    }
    return cared;
  }
}

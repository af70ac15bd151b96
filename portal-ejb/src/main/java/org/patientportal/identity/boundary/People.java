package org.patientportal.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.patientportal.identity.entity.PortalUser;

/**
 * How other features name people: the portal's records of them, looked up in bulk. It runs in the
 * caller's transaction (or none) and leaves authorisation to the calling boundary.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class People {

  @PersistenceContext EntityManager em;

  public Optional<PortalUser> find(String username) {
    return em.createNamedQuery(PortalUser.BY_USERNAME, PortalUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /** Display names by username; a username without a record maps to itself. */
  public Map<String, String> displayNames(Collection<String> usernames) {
    Map<String, String> names = new HashMap<>();
    if (usernames.isEmpty()) {
      return names;
    }
    for (Object[] row :
        em.createQuery(
                "select u.username, u.displayName from PortalUser u where u.username in :names",
                Object[].class)
            .setParameter("names", usernames)
            .getResultList()) {
      names.put((String) row[0], (String) row[1]);
    }
    usernames.forEach(u -> names.putIfAbsent(u, u));
    return names;
  }

  /** The medical record numbers of those of {@code usernames} who have one, by username. */
  public Map<String, String> medicalRecordNumbers(Collection<String> usernames) {
    Map<String, String> numbers = new HashMap<>();
    if (usernames.isEmpty()) {
      return numbers;
    }
    for (Object[] row :
        em.createQuery(
                "select u.username, u.mrn from PortalUser u"
                    + " where u.username in :names and u.mrn is not null",
                Object[].class)
            .setParameter("names", usernames)
            .getResultList()) {
      numbers.put((String) row[0], (String) row[1]);
    }
    return numbers;
  }
}

package org.patientportal.requests.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.crypto.boundary.SealedValues;
import org.patientportal.identity.entity.Roles;

/**
 * Requests' sealed values for key rotation: each request's fields. Re-wrapping reads and writes
 * only the wrapped data keys, never the ciphertexts. Called by {@link
 * org.patientportal.crypto.boundary.KeyRotation}, whose caller must be an administrator.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RequestsSealedValues implements SealedValues {

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;

  @Override
  public String name() {
    return "requests";
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int rewrapBatch(int limit) {
    int current = crypto.currentKeyVersion();
    List<Object[]> rows =
        em.createQuery(
                "select r.id, r.details.wrappedKey, r.details.keyVersion from CareRequest r"
                    + " where r.details.keyVersion <> :current",
                Object[].class)
            .setParameter("current", current)
            .setMaxResults(limit)
            .getResultList();
    int done = 0;
    for (Object[] row : rows) {
      int old = (Integer) row[2];
      done +=
          em.createQuery(
                  "update CareRequest r set r.details.wrappedKey = :key,"
                      + " r.details.keyVersion = :current where r.id = :id"
                      + " and r.details.keyVersion = :old")
              .setParameter("key", crypto.rewrapKey((byte[]) row[1], old))
              .setParameter("current", current)
              .setParameter("id", row[0])
              .setParameter("old", old)
              .executeUpdate();
    }
    return done;
  }

  @Override
  public Map<Integer, Long> countByKeyVersion() {
    Map<Integer, Long> counts = new TreeMap<>();
    for (Object[] row :
        em.createQuery(
                "select r.details.keyVersion, count(r) from CareRequest r"
                    + " group by r.details.keyVersion",
                Object[].class)
            .getResultList()) {
      counts.put((Integer) row[0], (Long) row[1]);
    }
    return counts;
  }
}

package org.patientportal.records.boundary;

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
 * The record's sealed values for key rotation: the entries' snapshots. Re-wrapping changes only the
 * wrapped data key and its version (what the append-only trigger lets through), never the
 * ciphertext, the hash or the signature.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RecordSealedValues implements SealedValues {

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;

  @Override
  public String name() {
    return "records";
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int rewrapBatch(int limit) {
    int current = crypto.currentKeyVersion();
    List<Object[]> rows =
        em.createQuery(
                "select e.id, e.snapshot.wrappedKey, e.snapshot.keyVersion from RecordEntry e"
                    + " where e.snapshot.keyVersion <> :current",
                Object[].class)
            .setParameter("current", current)
            .setMaxResults(limit)
            .getResultList();
    int done = 0;
    for (Object[] row : rows) {
      int old = (Integer) row[2];
      done +=
          em.createQuery(
                  "update RecordEntry e set e.snapshot.wrappedKey = :key,"
                      + " e.snapshot.keyVersion = :current where e.id = :id"
                      + " and e.snapshot.keyVersion = :old")
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
                "select e.snapshot.keyVersion, count(e) from RecordEntry e"
                    + " group by e.snapshot.keyVersion",
                Object[].class)
            .getResultList()) {
      counts.put((Integer) row[0], (Long) row[1]);
    }
    return counts;
  }
}

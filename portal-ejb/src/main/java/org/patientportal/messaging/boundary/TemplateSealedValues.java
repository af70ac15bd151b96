package org.patientportal.messaging.boundary;

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

/** Quick-reply templates' sealed titles and texts, for key rotation (re-wraps data keys only). */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class TemplateSealedValues implements SealedValues {

  private static final List<String> SEALED = List.of("title", "text");

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;

  @Override
  public String name() {
    return "reply templates";
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int rewrapBatch(int limit) {
    int current = crypto.currentKeyVersion();
    int done = 0;
    for (String sealed : SEALED) {
      if (done >= limit) {
        break;
      }
      String path = "t." + sealed;
      List<Object[]> rows =
          em.createQuery(
                  "select t.id, "
                      + path
                      + ".wrappedKey, "
                      + path
                      + ".keyVersion from ReplyTemplate t where "
                      + path
                      + ".keyVersion <> :current",
                  Object[].class)
              .setParameter("current", current)
              .setMaxResults(limit - done)
              .getResultList();
      for (Object[] row : rows) {
        int old = (Integer) row[2];
        done +=
            em.createQuery(
                    "update ReplyTemplate t set "
                        + path
                        + ".wrappedKey = :key, "
                        + path
                        + ".keyVersion = :current where t.id = :id and "
                        + path
                        + ".keyVersion = :old")
                .setParameter("key", crypto.rewrapKey((byte[]) row[1], old))
                .setParameter("current", current)
                .setParameter("id", row[0])
                .setParameter("old", old)
                .executeUpdate();
      }
    }
    return done;
  }

  @Override
  public Map<Integer, Long> countByKeyVersion() {
    Map<Integer, Long> counts = new TreeMap<>();
    for (String sealed : SEALED) {
      String path = "t." + sealed + ".keyVersion";
      for (Object[] row :
          em.createQuery(
                  "select " + path + ", count(t) from ReplyTemplate t group by " + path,
                  Object[].class)
              .getResultList()) {
        counts.merge((Integer) row[0], (Long) row[1], Long::sum);
      }
    }
    return counts;
  }
}

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

/**
 * Messaging's sealed values for key rotation: thread subjects, message bodies, attachment names and
 * contents, quick-reply templates' titles and texts, forwards' notes. Re-wrapping reads and writes
 * only the wrapped data keys, never the ciphertexts. Called by {@link
 * org.patientportal.crypto.boundary.KeyRotation}, whose caller must be an administrator.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class MessagingSealedValues implements SealedValues {

  /** Each sealed column group: entity name and the path of its {@code Sealed}. */
  private static final List<String[]> SEALED =
      List.of(
          new String[] {"MessageThread", "subject"},
          new String[] {"Message", "body"},
          new String[] {"Attachment", "filename"},
          new String[] {"AttachmentContent", "content"},
          new String[] {"ReplyTemplate", "title"},
          new String[] {"ReplyTemplate", "text"},
          new String[] {"ThreadForward", "note"});

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;

  @Override
  public String name() {
    return "messaging";
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int rewrapBatch(int limit) {
    int current = crypto.currentKeyVersion();
    int done = 0;
    for (String[] sealed : SEALED) {
      if (done >= limit) {
        break;
      }
      String entity = sealed[0];
      String path = "e." + sealed[1];
      String id = entity.equals("AttachmentContent") ? "e.attachmentId" : "e.id";
      List<Object[]> rows =
          em.createQuery(
                  "select "
                      + id
                      + ", "
                      + path
                      + ".wrappedKey, "
                      + path
                      + ".keyVersion from "
                      + entity
                      + " e where "
                      + path
                      + ".keyVersion <> :current",
                  Object[].class)
              .setParameter("current", current)
              .setMaxResults(limit - done)
              .getResultList();
      for (Object[] row : rows) {
        int old = (Integer) row[2];
        byte[] wrapped = crypto.rewrapKey((byte[]) row[1], old);
        done +=
            em.createQuery(
                    "update "
                        + entity
                        + " e set "
                        + path
                        + ".wrappedKey = :key, "
                        + path
                        + ".keyVersion = :current where "
                        + id
                        + " = :id and "
                        + path
                        + ".keyVersion = :old")
                .setParameter("key", wrapped)
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
    for (String[] sealed : SEALED) {
      String path = "e." + sealed[1] + ".keyVersion";
      for (Object[] row :
          em.createQuery(
                  "select " + path + ", count(e) from " + sealed[0] + " e group by " + path,
                  Object[].class)
              .getResultList()) {
        counts.merge((Integer) row[0], (Long) row[1], Long::sum);
      }
    }
    return counts;
  }
}

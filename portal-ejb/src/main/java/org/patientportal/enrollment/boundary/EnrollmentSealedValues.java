package org.patientportal.enrollment.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.TreeMap;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.crypto.boundary.SealedColumns;
import org.patientportal.crypto.boundary.SealedColumns.Column;
import org.patientportal.crypto.boundary.SealedValues;
import org.patientportal.identity.entity.Roles;

/**
 * Enrollment's sealed values for key rotation: the activation codes waiting to be emailed (most
 * codes have none). Called by {@link org.patientportal.crypto.boundary.KeyRotation}.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class EnrollmentSealedValues implements SealedValues {

  private static final SealedColumns SEALED =
      new SealedColumns(Column.of("EnrollmentCode", "sealedCode"));

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;

  @Override
  public String name() {
    return "enrollment";
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int rewrapBatch(int limit) {
    return SEALED.rewrapBatch(em, crypto, limit);
  }

  @Override
  public Map<Integer, Long> countByKeyVersion() {
    Map<Integer, Long> counts = new TreeMap<>();
    for (Object[] row :
        em.createQuery(
                "select e.sealedCode.keyVersion, count(e) from EnrollmentCode e"
                    + " where e.sealedCode.keyVersion is not null group by e.sealedCode.keyVersion",
                Object[].class)
            .getResultList()) {
      counts.put((Integer) row[0], (Long) row[1]);
    }
    return counts;
  }
}

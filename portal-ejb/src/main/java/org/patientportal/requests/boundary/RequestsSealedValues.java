package org.patientportal.requests.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.crypto.boundary.SealedColumns;
import org.patientportal.crypto.boundary.SealedColumns.Column;
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

  private static final SealedColumns SEALED =
      new SealedColumns(Column.of("CareRequest", "details"));

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;

  @Override
  public String name() {
    return "requests";
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int rewrapBatch(int limit) {
    return SEALED.rewrapBatch(em, crypto, limit);
  }

  @Override
  public Map<Integer, Long> countByKeyVersion() {
    return SEALED.countByKeyVersion(em);
  }
}

package org.patientportal.records.boundary;

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
 * The record's sealed values for key rotation: the entries' snapshots. Re-wrapping changes only the
 * wrapped data key and its version (what the append-only trigger lets through), never the
 * ciphertext, the hash or the signature.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RecordSealedValues implements SealedValues {

  private static final SealedColumns SEALED =
      new SealedColumns(Column.of("RecordEntry", "snapshot"));

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;

  @Override
  public String name() {
    return "records";
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

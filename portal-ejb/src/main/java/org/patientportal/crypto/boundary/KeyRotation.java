package org.patientportal.crypto.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.crypto.entity.KeyStatus;
import org.patientportal.identity.entity.Roles;

/**
 * Rotation of the key-encryption key, by an administrator: a new key wraps data keys from now on;
 * every stored value's data key is re-wrapped by it in batches (each batch its own transaction, the
 * ciphertexts untouched). The key it replaced stays in the key store until the next rotation,
 * unused: a value another node sealed with it while this rotation ran stays readable and is
 * re-wrapped next time. Keys older than that, which no value uses, are removed from the key store.
 * Nodes that share the key-store file read it again when it changes (see {@code
 * KeyEncryptionKeys}).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class KeyRotation {

  private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());
  static final int BATCH = 500;

  @Inject Crypto crypto;
  @Inject @Any Instance<SealedValues> stores;
  @Inject AuditLog audit;
  @Resource SessionContext session;

  /** The keys now, and how many values each wraps. */
  public KeyStatus status() {
    return new KeyStatus(crypto.currentKeyVersion(), crypto.keyVersions(), counts(), 0, List.of());
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public KeyStatus rotate() {
    int previous = crypto.currentKeyVersion();
    int version = crypto.rotate();
    long rewrapped = 0;
    for (SealedValues store : stores) {
      int done;
      do {
        done = store.rewrapBatch(BATCH);
        rewrapped += done;
      } while (done > 0);
    }
    Map<Integer, Long> counts = counts();
    List<Integer> retired = new ArrayList<>();
    for (int old : crypto.keyVersions()) {
      if (old != version && old != previous && counts.getOrDefault(old, 0L) == 0) {
        crypto.retire(old);
        retired.add(old);
      }
    }
    long total = rewrapped;
    LOG.info(
        () ->
            "Key-encryption key rotated to version "
                + version
                + "; "
                + total
                + " values re-wrapped; retired "
                + retired);
    session.getBusinessObject(KeyRotation.class).recordRotation(version);
    return new KeyStatus(version, crypto.keyVersions(), counts, rewrapped, retired);
  }

  /** Audits a rotation; public only so that it runs in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordRotation(int version) {
    audit.record(
        session.getCallerPrincipal().getName(),
        null,
        AuditAction.KEY_ROTATED,
        "kek/v" + version,
        AuditOutcome.SUCCESS);
  }

  private Map<Integer, Long> counts() {
    Map<Integer, Long> counts = new TreeMap<>();
    for (SealedValues store : stores) {
      store.countByKeyVersion().forEach((v, n) -> counts.merge(v, n, Long::sum));
    }
    return counts;
  }
}

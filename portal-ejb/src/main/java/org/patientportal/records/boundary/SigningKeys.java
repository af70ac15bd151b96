package org.patientportal.records.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.identity.entity.Roles;
import org.patientportal.records.control.RecordSigner;
import org.patientportal.records.control.RecordSigningKey;
import org.patientportal.records.entity.SigningPublicKey;

/**
 * The record signing keys as others see them: every public key, old and current, so that anyone
 * holding an entry (its facts, hash, signature and key id) can verify it without the portal; and
 * their rotation by an administrator, as the key-encryption key is rotated: a new key signs new
 * entries from now on, the old ones stay in the key store and in the export, so old entries still
 * verify. A rotation is audited as KEY_ROTATED (resource {@code record-signing-key/<key id>}).
 */
@Stateless
public class SigningKeys {

  @Resource SessionContext session;
  @Inject RecordSigner signer;
  @Inject AuditLog audit;

  /** Every public key, oldest first; the last one signs new entries. */
  @RolesAllowed({
    Roles.PATIENT,
    Roles.PROXY,
    Roles.CLINICIAN,
    Roles.STAFF,
    Roles.COMMUNICATIONS,
    Roles.AUDITOR,
    Roles.ADMIN
  })
  public List<SigningPublicKey> publicKeys() {
    List<RecordSigningKey> keys = signer.keys();
    String current = keys.get(keys.size() - 1).keyId();
    return keys.stream()
        .map(k -> new SigningPublicKey(k.keyId(), k.publicKey(), k.keyId().equals(current)))
        .toList();
  }

  /** Adds a new signing key for new entries; answers every public key afterwards. */
  @RolesAllowed(Roles.ADMIN)
  public List<SigningPublicKey> rotate() {
    RecordSigningKey key = signer.rotate();
    audit.record(
        session.getCallerPrincipal().getName(),
        null,
        AuditAction.KEY_ROTATED,
        "record-signing-key/" + key.keyId(),
        AuditOutcome.SUCCESS);
    return publicKeys();
  }
}

package org.patientportal.records.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The Ed25519 key that signs the medical record's entries, apart from the access log's key (one
 * key, one purpose). Its 32-byte seed is kept in a BouncyCastle FIPS key store (BCFKS) outside the
 * database, owner-only, under a password from configuration, as the audit signing key is. A key is
 * named by its id; rotation adds keys ({@link RecordSigningKeys}), old ones stay to verify old
 * entries.
 */
public final class RecordSigningKey {

  private final Ed25519PrivateKeyParameters key;
  private final Ed25519PublicKeyParameters publicKey;
  private final String keyId;

  RecordSigningKey(byte[] seed) {
    key = new Ed25519PrivateKeyParameters(seed, 0);
    publicKey = key.generatePublicKey();
    keyId = keyId(publicKey.getEncoded());
  }

  /**
   * Opens the key store at {@code file}, or makes one with a new key when allowed and missing, and
   * answers the key that signs new entries (see {@link RecordSigningKeys} for every version).
   */
  public static RecordSigningKey openOrCreate(Path file, char[] password, boolean mayCreate) {
    return RecordSigningKeys.openOrCreate(file, password, mayCreate).current();
  }

  /** The key of a 32-byte Ed25519 seed. */
  static RecordSigningKey ofSeed(byte[] seed) {
    return new RecordSigningKey(seed);
  }

  /** A new 32-byte seed from {@code random}, for a new key (to be stored). */
  static byte[] newSeed(SecureRandom random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return seed;
  }

  /** A key's id: the first 16 hex digits of the SHA-256 of its public key. */
  static String keyId(byte[] publicKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(publicKey);
      return "ed25519:" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String keyId() {
    return keyId;
  }

  /** The raw 32-byte Ed25519 public key (RFC 8032), for verifiers. */
  public byte[] publicKey() {
    return publicKey.getEncoded();
  }

  /**
   * Whether {@code signature} over {@code text} is valid for the raw Ed25519 {@code publicKey}:
   * what someone holding only the exported public key checks.
   */
  public static boolean verifies(byte[] publicKey, byte[] text, byte[] signature) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
    verifier.update(text, 0, text.length);
    return verifier.verifySignature(signature);
  }

  /** Signs {@code text}. */
  public byte[] sign(byte[] text) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(text, 0, text.length);
    return signer.generateSignature();
  }

  /** Whether {@code signature} is this key's signature of {@code text}. */
  public boolean verifies(byte[] text, byte[] signature) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, publicKey);
    verifier.update(text, 0, text.length);
    return verifier.verifySignature(signature);
  }

  /** The SHA-256 of a text's UTF-8 bytes. */
  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

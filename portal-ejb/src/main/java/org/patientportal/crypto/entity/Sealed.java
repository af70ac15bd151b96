package org.patientportal.crypto.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A value sealed by envelope encryption: the AES-GCM ciphertext (with its tag), its nonce, the data
 * key wrapped by a key-encryption key, and that key's version. Immutable; owners embed it with
 * their own column names.
 */
@Embeddable
public class Sealed {

  public static final int NONCE_BYTES = 12;

  /** An AES-256 key wrapped by RFC 3394: 32 bytes of key and 8 of integrity check. */
  public static final int WRAPPED_KEY_BYTES = 40;

  @Column(nullable = false)
  private byte[] ciphertext;

  @Column(nullable = false, length = NONCE_BYTES)
  private byte[] nonce;

  @Column(name = "wrapped_key", nullable = false, length = WRAPPED_KEY_BYTES)
  private byte[] wrappedKey;

  @Column(name = "key_version", nullable = false)
  private int keyVersion;

  protected Sealed() {
    // for JPA
  }

  /**
   * What an owner holds from its construction until it is sealed. A seal is bound to its owner's
   * id, which JPA assigns at persist; but the insert writes the state the entity had at persist, so
   * the owner's NOT NULL columns need a value then. The owner is sealed in the same transaction
   * (the flush turns it into an update), so this value is never committed, and it cannot be opened:
   * there is no key version 0.
   */
  public static Sealed pending() {
    Sealed pending = new Sealed();
    pending.ciphertext = new byte[0];
    pending.nonce = new byte[NONCE_BYTES];
    pending.wrappedKey = new byte[WRAPPED_KEY_BYTES];
    pending.keyVersion = 0;
    return pending;
  }

  /** Whether this is the placeholder of a value not sealed yet. */
  public boolean isPending() {
    return keyVersion == 0;
  }

  public Sealed(byte[] ciphertext, byte[] nonce, byte[] wrappedKey, int keyVersion) {
    this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    this.nonce = checkLength(nonce, NONCE_BYTES, "nonce");
    this.wrappedKey = checkLength(wrappedKey, WRAPPED_KEY_BYTES, "wrapped key");
    if (keyVersion < 1) {
      throw new IllegalArgumentException("key versions start at 1");
    }
    this.keyVersion = keyVersion;
  }

  /** The same ciphertext with its data key wrapped anew, by key-encryption key {@code version}. */
  public Sealed rewrapped(byte[] newWrappedKey, int version) {
    return new Sealed(ciphertext, nonce, newWrappedKey, version);
  }

  private static byte[] checkLength(byte[] bytes, int length, String name) {
    Objects.requireNonNull(bytes, name);
    if (bytes.length != length) {
      throw new IllegalArgumentException(name + " must be " + length + " bytes");
    }
    return bytes.clone();
  }

  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  public byte[] nonce() {
    return nonce.clone();
  }

  public byte[] wrappedKey() {
    return wrappedKey.clone();
  }

  public int keyVersion() {
    return keyVersion;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sealed s
        && keyVersion == s.keyVersion
        && Arrays.equals(ciphertext, s.ciphertext)
        && Arrays.equals(nonce, s.nonce)
        && Arrays.equals(wrappedKey, s.wrappedKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyVersion, Arrays.hashCode(nonce));
  }
}

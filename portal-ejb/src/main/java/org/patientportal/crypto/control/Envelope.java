package org.patientportal.crypto.control;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Wrapper;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC3394WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.patientportal.crypto.entity.SealBrokenException;
import org.patientportal.crypto.entity.Sealed;

/**
 * Envelope encryption. {@link #seal} makes a fresh AES-256 data key, encrypts with AES-GCM (the
 * JDK's cipher, which uses the processor's AES instructions) binding the associated data, and wraps
 * the data key with the current key-encryption key (BouncyCastle's RFC 3394 AES key wrap). {@link
 * #open} reverses it and fails loudly on any alteration. {@link #rewrap} moves a sealed value to
 * the current key-encryption key without decrypting its content.
 */
public class Envelope {

  private static final int TAG_BITS = 128;
  private static final int DATA_KEY_BYTES = 32;

  private final KeyEncryptionKeys keys;
  private final SecureRandom random;

  public Envelope(KeyEncryptionKeys keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  /**
   * Seals {@code plaintext}. {@code associatedData} names what the value belongs to (for example
   * "message/42/body"): opening needs the same bytes, so a sealed value cannot be moved to another
   * record unnoticed.
   */
  public Sealed seal(byte[] plaintext, byte[] associatedData) {
    byte[] dataKey = new byte[DATA_KEY_BYTES];
    byte[] nonce = new byte[Sealed.NONCE_BYTES];
    random.nextBytes(dataKey);
    random.nextBytes(nonce);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(dataKey, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(associatedData);
      byte[] ciphertext = gcm.doFinal(plaintext);
      int version = keys.currentVersion();
      return new Sealed(ciphertext, nonce, wrap(keys.version(version), dataKey), version);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    } finally {
      java.util.Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** Opens a sealed value; throws {@link SealBrokenException} if anything about it was altered. */
  public byte[] open(Sealed sealed, byte[] associatedData) {
    byte[] dataKey = unwrap(keys.version(sealed.keyVersion()), sealed.wrappedKey());
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(dataKey, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      gcm.updateAAD(associatedData);
      return gcm.doFinal(sealed.ciphertext());
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SealBrokenException("A sealed value failed its integrity check", e);
    } catch (GeneralSecurityException e) {
      throw new SealBrokenException("A sealed value could not be opened", e);
    } finally {
      java.util.Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** The same value with its data key wrapped by the current key-encryption key. */
  public Sealed rewrap(Sealed sealed) {
    int current = keys.currentVersion();
    if (sealed.keyVersion() == current) {
      return sealed;
    }
    return sealed.rewrapped(rewrapKey(sealed.wrappedKey(), sealed.keyVersion()), current);
  }

  /**
   * A data key wrapped by key-encryption key {@code version}, wrapped instead by the current one;
   * rotation uses it to move values without reading their ciphertext.
   */
  public byte[] rewrapKey(byte[] wrappedKey, int version) {
    byte[] dataKey = unwrap(keys.version(version), wrappedKey);
    try {
      return wrap(keys.version(keys.currentVersion()), dataKey);
    } finally {
      java.util.Arrays.fill(dataKey, (byte) 0);
    }
  }

  private static byte[] wrap(SecretKey kek, byte[] dataKey) {
    Wrapper wrapper = new RFC3394WrapEngine(AESEngine.newInstance());
    wrapper.init(true, new KeyParameter(kek.getEncoded()));
    return wrapper.wrap(dataKey, 0, dataKey.length);
  }

  private static byte[] unwrap(SecretKey kek, byte[] wrapped) {
    Wrapper wrapper = new RFC3394WrapEngine(AESEngine.newInstance());
    wrapper.init(false, new KeyParameter(kek.getEncoded()));
    try {
      return wrapper.unwrap(wrapped, 0, wrapped.length);
    } catch (InvalidCipherTextException e) {
      throw new SealBrokenException("A wrapped data key failed its integrity check", e);
    }
  }
}

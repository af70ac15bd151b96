package org.patientportal.records.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Ed25519 key that signs the medical record's entries, apart from the access log's key (one
 * key, one purpose). Its 32-byte seed is kept in a BouncyCastle FIPS key store (BCFKS) outside the
 * database, owner-only, under a password from configuration, as the audit signing key is.
 */
public final class RecordSigningKey {

  static final String ALIAS = "record-entry-ed25519-seed";

  private final Ed25519PrivateKeyParameters key;
  private final Ed25519PublicKeyParameters publicKey;
  private final String keyId;

  RecordSigningKey(byte[] seed) {
    key = new Ed25519PrivateKeyParameters(seed, 0);
    publicKey = key.generatePublicKey();
    keyId = keyId(publicKey.getEncoded());
  }

  /** Opens the key store at {@code file}, or makes one with a new key when allowed and missing. */
  public static RecordSigningKey openOrCreate(Path file, char[] password, boolean mayCreate) {
    try {
      if (!Files.exists(file)) {
        if (!mayCreate) {
          throw new IllegalStateException(
              "No record signing key store at "
                  + file
                  + ": restore it from backup, or set PORTAL_RECORDS_KEYSTORE_CREATE=true to make"
                  + " one");
        }
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        save(file, password, seed);
      }
      KeyStore store = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, password);
      }
      java.security.Key entry = store.getKey(ALIAS, password);
      if (entry == null) {
        throw new IllegalStateException("The key store " + file + " holds no record signing key");
      }
      return new RecordSigningKey(entry.getEncoded());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Could not open the record signing key store " + file + " (is its password right?)", e);
    }
  }

  private static void save(Path file, char[] password, byte[] seed)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
    store.load(null, password);
    store.setEntry(
        ALIAS,
        new KeyStore.SecretKeyEntry(new SecretKeySpec(seed, "AES")),
        new KeyStore.PasswordProtection(password));
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    }
    try (OutputStream out = Files.newOutputStream(temp)) {
      store.store(out, password);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
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

package org.patientportal.audit.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.patientportal.audit.entity.Checkpoint;

/**
 * The Ed25519 key that signs the access log's checkpoints. Its 32-byte private seed is kept in a
 * BouncyCastle FIPS key store (BCFKS) outside the database, under a password from configuration;
 * the public key is written beside it ({@code <store>.pub}) for verifiers, which need nothing else.
 */
public final class AuditSigningKey {

  static final String ALIAS = "audit-checkpoint-ed25519-seed";
  static final String PUBLIC_TAG = "ed25519";

  private final Ed25519PrivateKeyParameters key;
  private final byte[] publicKey;
  private final String keyId;

  private AuditSigningKey(byte[] seed) {
    key = new Ed25519PrivateKeyParameters(seed, 0);
    publicKey = key.generatePublicKey().getEncoded();
    keyId = ChainVerifier.keyId(publicKey);
  }

  /** Opens the key store at {@code file}, or makes one with a new key when allowed and missing. */
  public static AuditSigningKey openOrCreate(Path file, char[] password, boolean mayCreate) {
    try {
      if (Files.exists(file)) {
        ownerOnly(file);
      } else {
        if (!mayCreate) {
          throw new IllegalStateException(
              "No audit signing key store at "
                  + file
                  + ": restore it from backup, or set PORTAL_AUDIT_KEYSTORE_CREATE=true to make one");
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
        throw new IllegalStateException("The key store " + file + " holds no audit signing key");
      }
      AuditSigningKey signing = new AuditSigningKey(entry.getEncoded());
      signing.writePublicKey(publicKeyFile(file));
      return signing;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Could not open the audit signing key store " + file + " (is its password right?)", e);
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
    // written owner-only (0600) from the start, then moved into place
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    ownerOnly(temp);
    try (OutputStream out = Files.newOutputStream(temp)) {
      store.store(out, password);
    }
    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Makes {@code file} readable and writable by its owner only (0600), where the file system has
   * POSIX permissions. The public key beside it stays readable.
   */
  static void ownerOnly(Path file) throws IOException {
    if (Files.getFileStore(file)
        .supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnly =
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
      if (!Files.getPosixFilePermissions(file).equals(ownerOnly)) {
        Files.setPosixFilePermissions(file, ownerOnly);
      }
    }
  }

  /** Where the public key of the store at {@code store} is written. */
  public static Path publicKeyFile(Path store) {
    return store.resolveSibling(store.getFileName() + ".pub");
  }

  private void writePublicKey(Path file) throws IOException {
    String line =
        PUBLIC_TAG + " " + keyId + " " + Base64.getEncoder().encodeToString(publicKey) + "\n";
    if (!Files.exists(file) || !Files.readString(file).contains(line.strip())) {
      Files.writeString(
          file,
          line,
          StandardCharsets.US_ASCII,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  /**
   * Reads a public-key file: one {@code ed25519 <key id> <base64 key>} line per key (old keys stay
   * listed, so that old checkpoints still verify).
   */
  public static Map<String, byte[]> readPublicKeys(Path file) throws IOException {
    Map<String, byte[]> keys = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      String[] f = line.strip().split(" ");
      if (f.length == 3 && PUBLIC_TAG.equals(f[0])) {
        byte[] key = Base64.getDecoder().decode(f[2]);
        if (!ChainVerifier.keyId(key).equals(f[1])) {
          throw new IOException("The key id " + f[1] + " in " + file + " does not fit its key");
        }
        keys.put(f[1], key);
      }
    }
    return keys;
  }

  public String keyId() {
    return keyId;
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Signs {@code text}. */
  public byte[] signature(byte[] text) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(text, 0, text.length);
    return signer.generateSignature();
  }

  /** Signs the chain's head at {@code position}. */
  public Checkpoint sign(long position, byte[] headHash, Instant time) {
    // the databases keep microseconds: what is signed must read back the same
    Instant at = time.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return new Checkpoint(
        position,
        headHash.clone(),
        at,
        keyId,
        signature(Checkpoint.signedText(position, headHash, at)));
  }
}

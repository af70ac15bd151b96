package org.patientportal.crypto.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The key of the blind indexes: an HMAC-SHA256 key of its own, never a key-encryption key, kept in
 * a BCFKS key store beside the key-encryption keys' (its own file, so that rewriting either store
 * never drops the other's entries) under the same password. It is made on first use. Losing it
 * loses no data: the index is rebuilt from the sealed values under a new key. Version n is the
 * entry {@code search-hmac-v<n>}; this version knows one key, version 1.
 */
public final class SearchKey {

  static final String ALIAS = "search-hmac-v1";

  /** Where the search key is kept: its own store beside the key-encryption keys' store. */
  public static Path fileBeside(Path keyStore) {
    return keyStore.toAbsolutePath().resolveSibling("portal-search.bcfks");
  }

  static final int VERSION = 1;

  private final SecretKey key;

  private SearchKey(SecretKey key) {
    this.key = key;
  }

  /** Opens the store at {@code file}, or makes it with a new random key when there is none. */
  public static synchronized SearchKey openOrCreate(
      Path file, char[] password, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        save(file, password, new SecretKeySpec(raw, "HmacSHA256"));
      }
      KeyStore store = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, password);
      }
      Key entry = store.getKey(ALIAS, password);
      if (entry == null) {
        throw new IllegalStateException("The key store " + file + " holds no search key");
      }
      return new SearchKey(new SecretKeySpec(entry.getEncoded(), "HmacSHA256"));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Could not open the search key store " + file + " (is its password right?)", e);
    }
  }

  public int version() {
    return VERSION;
  }

  /**
   * The first 64 bits of HMAC-SHA256(key, domain NUL word): equal words of one domain give equal
   * tokens; without the key a token says nothing of its word. The domain separates indexes (one
   * word indexed as a subject and as something else gives unrelated tokens).
   */
  public long token(String domain, String word) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(domain.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return ByteBuffer.wrap(mac.doFinal(word.getBytes(StandardCharsets.UTF_8))).getLong();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static void save(Path file, char[] password, SecretKey key)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
    store.load(null, password);
    store.setEntry(
        ALIAS, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's protection applies
    }
    try (OutputStream out = Files.newOutputStream(temp)) {
      store.store(out, password);
    }
    try {
      // a second node making its own key at the same moment loses: the first file stays
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      Files.deleteIfExists(temp);
    }
  }
}

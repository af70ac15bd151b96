package org.patientportal.crypto.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.patientportal.crypto.entity.SealBrokenException;

/**
 * The versioned AES-256 key-encryption keys, kept in a BouncyCastle FIPS key store (BCFKS) file
 * outside the database and the deployment, protected by a password from configuration. Version n is
 * the entry {@code kek-v<n>}; the highest version wraps new data keys. The keys are kept in memory;
 * the file is written (atomically) only when a key is added or retired, and read again when it
 * changed ({@link #refresh}, and when a value names a version not in memory), so that the nodes of
 * a cluster sharing the file follow a rotation made on any of them.
 */
public class KeyEncryptionKeys {

  static final String KEYSTORE_TYPE = "BCFKS";
  private static final Pattern ALIAS = Pattern.compile("kek-v(\\d+)");

  private final Path file;
  private final char[] password;
  private final SecureRandom random;
  private final Provider provider;
  private volatile NavigableMap<Integer, SecretKey> keys;
  private volatile List<Object> stamp = List.of();

  private KeyEncryptionKeys(Path file, char[] password, SecureRandom random) {
    this.file = file;
    this.password = password.clone();
    this.random = random;
    this.provider = bouncyCastle();
  }

  /**
   * Opens the key store at {@code file}, or creates it with a first key when there is none (the
   * demo's first run; production provisions the file and its password).
   */
  public static KeyEncryptionKeys openOrCreate(Path file, char[] password, SecureRandom random) {
    KeyEncryptionKeys kek = new KeyEncryptionKeys(file, password, random);
    if (Files.exists(file)) {
      try {
        ownerOnly(file);
      } catch (IOException e) {
        throw new IllegalStateException("Could not make the key store " + file + " owner-only", e);
      }
      kek.load();
    } else {
      kek.keys = Collections.unmodifiableNavigableMap(new TreeMap<>());
      kek.rotate();
    }
    return kek;
  }

  /** The version of the key that wraps new data keys. */
  public int currentVersion() {
    return keys.lastKey();
  }

  public SecretKey current() {
    return keys.lastEntry().getValue();
  }

  /** Key {@code version}; a sealed value that names a missing version cannot be opened. */
  public SecretKey version(int version) {
    SecretKey key = keys.get(version);
    if (key == null) {
      refresh();
      key = keys.get(version);
    }
    if (key == null) {
      throw new SealBrokenException(
          "Key-encryption key version " + version + " is not in the key store");
    }
    return key;
  }

  /** The versions held, oldest first. */
  public NavigableMap<Integer, SecretKey> versions() {
    return keys;
  }

  /** Adds a new key, which wraps data keys from now on, and saves the key store. */
  public synchronized int rotate() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, random);
      TreeMap<Integer, SecretKey> next = new TreeMap<>(keys);
      int version = keys.isEmpty() ? 1 : keys.lastKey() + 1;
      next.put(version, generator.generateKey());
      save(next);
      keys = Collections.unmodifiableNavigableMap(next);
      return version;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not make a key-encryption key", e);
    }
  }

  /**
   * Removes an old key once nothing is wrapped by it any more (the caller has re-wrapped every data
   * key). The current key cannot be retired.
   */
  public synchronized void retire(int version) {
    if (version == currentVersion()) {
      throw new IllegalArgumentException("The current key-encryption key cannot be retired");
    }
    TreeMap<Integer, SecretKey> next = new TreeMap<>(keys);
    if (next.remove(version) != null) {
      save(next);
      keys = Collections.unmodifiableNavigableMap(next);
    }
  }

  /**
   * Reads the file again if it changed since this instance last read or wrote it (another node
   * rotated a key); one file-attribute read when it did not.
   */
  public void refresh() {
    if (!stamp().equals(stamp)) {
      synchronized (this) {
        if (!stamp().equals(stamp)) {
          load();
        }
      }
    }
  }

  /** What identifies this version of the file: its inode (where known), time and size. */
  private List<Object> stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      Object key = a.fileKey();
      return List.of(key == null ? "" : key, a.lastModifiedTime(), a.size());
    } catch (IOException e) {
      return List.of();
    }
  }

  private void load() {
    List<Object> before = stamp();
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE, provider);
      store.load(in, password);
      TreeMap<Integer, SecretKey> loaded = new TreeMap<>();
      for (String alias : Collections.list(store.aliases())) {
        Matcher m = ALIAS.matcher(alias);
        if (m.matches()) {
          loaded.put(Integer.parseInt(m.group(1)), (SecretKey) store.getKey(alias, password));
        }
      }
      if (loaded.isEmpty()) {
        throw new IllegalStateException("The key store " + file + " holds no key-encryption key");
      }
      keys = Collections.unmodifiableNavigableMap(loaded);
      stamp = before;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Could not open the key store " + file + " (is its password right?)", e);
    }
  }

  private void save(Map<Integer, SecretKey> toSave) {
    try {
      KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE, provider);
      store.load(null, password);
      for (Map.Entry<Integer, SecretKey> e : toSave.entrySet()) {
        store.setEntry(
            "kek-v" + e.getKey(),
            new KeyStore.SecretKeyEntry(e.getValue()),
            new KeyStore.PasswordProtection(password));
      }
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      ownerOnly(temp);
      try (OutputStream out = Files.newOutputStream(temp)) {
        store.store(out, password);
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      stamp = stamp();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not write the key store " + file, e);
    }
  }

  /**
   * Makes {@code file} readable and writable by its owner only (0600), where the file system has
   * POSIX permissions: the key store's password is not its only protection.
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

  /** WildFly registers BouncyCastle as "BC"; elsewhere (unit tests) an instance of our own. */
  private static Provider bouncyCastle() {
    Provider registered = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
    return registered != null ? registered : new BouncyCastleProvider();
  }
}

package org.patientportal.records.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.patientportal.records.entity.SigningPublicKey;

/**
 * Every version of the record signing key, in one BouncyCastle FIPS key store (BCFKS) outside the
 * database: version n is the entry {@code record-entry-ed25519-v<n>} (the first key, made before
 * rotation existed, is the entry {@code record-entry-ed25519-seed}, version 1). The highest version
 * signs new entries; older ones are never removed, so that every entry ever signed still verifies.
 * As for the access log's key, the public keys are written beside the store ({@code <store>.pub},
 * one {@code ed25519 <key id> <base64 key>} line each) for verifiers, which need nothing else.
 * Nodes that share the file follow a rotation made on any of them ({@link #refresh}).
 */
public final class RecordSigningKeys {

  static final String FIRST_ALIAS = "record-entry-ed25519-seed";
  private static final Pattern ALIAS = Pattern.compile("record-entry-ed25519-v(\\d+)");

  private final Path file;
  private final char[] password;
  private volatile NavigableMap<Integer, RecordSigningKey> keys;
  private volatile List<Object> stamp = List.of();

  private RecordSigningKeys(Path file, char[] password) {
    this.file = file;
    this.password = password.clone();
  }

  /**
   * Opens the key store at {@code file}, or makes one with a first key when allowed and missing.
   */
  public static RecordSigningKeys openOrCreate(Path file, char[] password, boolean mayCreate) {
    RecordSigningKeys store = new RecordSigningKeys(file, password);
    if (!Files.exists(file)) {
      if (!mayCreate) {
        throw new IllegalStateException(
            "No record signing key store at "
                + file
                + ": restore it from backup, or set PORTAL_RECORDS_KEYSTORE_CREATE=true to make"
                + " one");
      }
      store.keys = Collections.emptyNavigableMap();
      store.rotate();
    } else {
      store.load();
    }
    return store;
  }

  /** The key that signs new entries (the highest version). */
  public RecordSigningKey current() {
    return keys.lastEntry().getValue();
  }

  /**
   * The key named {@code keyId}, read again from the file when unknown; null when there is none.
   */
  public RecordSigningKey byId(String keyId) {
    RecordSigningKey key = find(keyId);
    if (key == null) {
      refresh();
      key = find(keyId);
    }
    return key;
  }

  private RecordSigningKey find(String keyId) {
    for (RecordSigningKey key : keys.values()) {
      if (key.keyId().equals(keyId)) {
        return key;
      }
    }
    return null;
  }

  /** Every key by version, oldest first. */
  public NavigableMap<Integer, RecordSigningKey> versions() {
    return keys;
  }

  /** Adds a new key, which signs new entries from now on, and saves the store; its version. */
  public synchronized int rotate() {
    refresh();
    try {
      TreeMap<Integer, RecordSigningKey> next = new TreeMap<>(keys);
      int version = keys.isEmpty() ? 1 : keys.lastKey() + 1;
      byte[] seed = RecordSigningKey.newSeed(new SecureRandom());
      next.put(version, RecordSigningKey.ofSeed(seed));
      save(version, seed);
      keys = Collections.unmodifiableNavigableMap(next);
      writePublicKeys();
      return version;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not add a record signing key to " + file, e);
    }
  }

  /** Reads the store again if it changed since this instance last read or wrote it. */
  public void refresh() {
    if (!stamp().equals(stamp)) {
      synchronized (this) {
        if (!stamp().equals(stamp)) {
          load();
        }
      }
    }
  }

  /** Where the public keys of the store at {@code store} are written. */
  public static Path publicKeyFile(Path store) {
    return store.resolveSibling(store.getFileName() + ".pub");
  }

  /** The public keys as the file beside the store lists them: {@code ed25519 <id> <base64>}. */
  public String publicKeyLines() {
    StringBuilder lines = new StringBuilder();
    for (RecordSigningKey key : keys.values()) {
      lines.append(new SigningPublicKey(key.keyId(), key.publicKey(), false).line()).append('\n');
    }
    return lines.toString();
  }

  private synchronized void load() {
    try {
      List<Object> before = stamp();
      KeyStore store = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, password);
      }
      TreeMap<Integer, RecordSigningKey> read = new TreeMap<>();
      for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
        String alias = aliases.nextElement();
        Matcher m = ALIAS.matcher(alias);
        int version;
        if (FIRST_ALIAS.equals(alias)) {
          version = 1;
        } else if (m.matches()) {
          version = Integer.parseInt(m.group(1));
        } else {
          continue;
        }
        java.security.Key entry = store.getKey(alias, password);
        if (entry != null) {
          read.put(version, RecordSigningKey.ofSeed(entry.getEncoded()));
        }
      }
      if (read.isEmpty()) {
        throw new IllegalStateException("The key store " + file + " holds no record signing key");
      }
      keys = Collections.unmodifiableNavigableMap(read);
      stamp = before;
      writePublicKeys();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Could not open the record signing key store " + file + " (is its password right?)", e);
    }
  }

  /** Writes the store with the new {@code version}'s seed added. */
  private void save(int version, byte[] seed) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, password);
      }
    } else {
      store.load(null, password);
    }
    // the first key keeps the alias it always had, so that a store made before rotation reads
    store.setEntry(
        version == 1 && !store.containsAlias(FIRST_ALIAS)
            ? FIRST_ALIAS
            : "record-entry-ed25519-v" + version,
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
    stamp = stamp();
  }

  /** Appends the keys missing from the public-key file (old keys stay listed). */
  private void writePublicKeys() throws IOException {
    Path pub = publicKeyFile(file);
    String known = Files.exists(pub) ? Files.readString(pub, StandardCharsets.US_ASCII) : "";
    List<String> missing = new ArrayList<>();
    for (String line : publicKeyLines().split("\n")) {
      if (!line.isEmpty() && !known.contains(line)) {
        missing.add(line);
      }
    }
    if (!missing.isEmpty()) {
      Files.writeString(
          pub,
          String.join("\n", missing) + "\n",
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  private List<Object> stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
    } catch (IOException e) {
      return List.of();
    }
  }
}

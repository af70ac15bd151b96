package org.patientportal.crypto.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.crypto.control.Envelope;
import org.patientportal.crypto.control.KeyEncryptionKeys;
import org.patientportal.crypto.control.SearchKey;
import org.patientportal.crypto.entity.Sealed;
import org.patientportal.platform.boundary.SchemaMigration;

/**
 * How features encrypt health information at rest. The key-encryption keys live in a BCFKS key
 * store outside the database and the deployment:
 *
 * <ul>
 *   <li>{@code PORTAL_KEYSTORE_PATH} (or {@code portal.keystore.path}): the file; by default {@code
 *       <server data dir>/portal/<the database's installation id>/keys/portal-kek.bcfks} (each
 *       database its own keys);
 *   <li>{@code PORTAL_KEYSTORE_PASSWORD} (or {@code portal.keystore.password}): its password,
 *       required outside the demo;
 *   <li>a missing file is created (with a first key) only for the demo ({@code
 *       PORTAL_DEMO_DATA=true}) or when {@code PORTAL_KEYSTORE_CREATE=true}; otherwise the
 *       deployment fails, rather than encrypt under a key nobody has backed up.
 * </ul>
 *
 * The keys are loaded when the application starts, never per request.
 */
@ApplicationScoped
public class Crypto {

  private static final Logger LOG = Logger.getLogger(Crypto.class.getName());
  static final String DEMO_PASSWORD = "demo-keystore-password-not-for-production";

  @jakarta.ejb.EJB SchemaMigration schema;

  @Inject
  @ConfigProperty(name = "portal.demo-data", defaultValue = "false")
  boolean demo;

  @Inject
  @ConfigProperty(name = "portal.keystore.path")
  java.util.Optional<String> keyStorePath;

  @Inject
  @ConfigProperty(name = "portal.keystore.password")
  java.util.Optional<String> keyStorePassword;

  @Inject
  @ConfigProperty(name = "portal.keystore.create", defaultValue = "false")
  boolean keyStoreCreate;

  private KeyEncryptionKeys keys;
  private Envelope envelope;
  private Path file;
  private char[] password;
  private volatile SearchKey searchKey;

  @PostConstruct
  void load() {
    SecureRandom random = new SecureRandom();
    file =
        keyStorePath
            .map(Path::of)
            .orElse(schema.installationFolder().resolve("keys").resolve("portal-kek.bcfks"));
    String password = keyStorePassword.orElse(demo ? DEMO_PASSWORD : null);
    if (password == null || password.isEmpty()) {
      throw new IllegalStateException(
          "Set PORTAL_KEYSTORE_PASSWORD: the password of the key store that protects messages");
    }
    boolean mayCreate = demo || keyStoreCreate;
    if (!Files.exists(file) && !mayCreate) {
      throw new IllegalStateException(
          "No key store at "
              + file
              + ": restore it from backup, or set PORTAL_KEYSTORE_CREATE=true to make a new one");
    }
    this.password = password.toCharArray();
    keys = KeyEncryptionKeys.openOrCreate(file, password.toCharArray(), random);
    envelope = new Envelope(keys, random);
    LOG.info(
        () -> "Key store " + file + " open; key-encryption key version " + keys.currentVersion());
  }

  /** Loads the key store at deployment, so a missing or locked one fails the deployment. */
  void atStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    keys.currentVersion();
  }

  /** Seals a text that belongs to {@code owner} (e.g. "message/42/body"). */
  public Sealed seal(String text, String owner) {
    keys.refresh();
    return envelope.seal(
        text.getBytes(StandardCharsets.UTF_8), owner.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Opens a sealed text; a {@link org.patientportal.crypto.entity.SealBrokenException} if altered.
   */
  public String open(Sealed sealed, String owner) {
    return new String(
        envelope.open(sealed, owner.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  public Sealed sealBytes(byte[] content, String owner) {
    keys.refresh();
    return envelope.seal(content, owner.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] openBytes(Sealed sealed, String owner) {
    return envelope.open(sealed, owner.getBytes(StandardCharsets.UTF_8));
  }

  /** The value with its data key wrapped by the current key-encryption key (for rotation). */
  public Sealed rewrap(Sealed sealed) {
    return envelope.rewrap(sealed);
  }

  /**
   * A data key wrapped by key-encryption key {@code version}, wrapped instead by the current key
   * (for rotation in bulk, without reading the values' ciphertext).
   */
  public byte[] rewrapKey(byte[] wrappedKey, int version) {
    return envelope.rewrapKey(wrappedKey, version);
  }

  /** The versions of the key-encryption keys in the key store, oldest first. */
  public java.util.List<Integer> keyVersions() {
    return java.util.List.copyOf(keys.versions().keySet());
  }

  public int currentKeyVersion() {
    keys.refresh();
    return keys.currentVersion();
  }

  /** Adds a key-encryption key; new values use it, old ones until they are re-wrapped. */
  public int rotate() {
    return keys.rotate();
  }

  /** Removes a key-encryption key that no stored value uses any more. */
  public void retire(int version) {
    keys.retire(version);
  }

  /**
   * A blind-index token of {@code word} in {@code domain} (e.g. "thread-subject"): the first 64
   * bits of its HMAC-SHA256 under the search key (see {@link SearchKey}), which is made on first
   * use in {@code portal-search.bcfks} beside the key store, under the same password.
   */
  public long searchToken(String domain, String word) {
    return searchKey().token(domain, word);
  }

  /** The version of the search key the tokens are made with. */
  public int searchKeyVersion() {
    return searchKey().version();
  }

  private SearchKey searchKey() {
    SearchKey key = searchKey;
    if (key == null) {
      synchronized (this) {
        key = searchKey;
        if (key == null) {
          key = SearchKey.openOrCreate(searchKeyFile(), password, new SecureRandom());
          searchKey = key;
        }
      }
    }
    return key;
  }

  /** The search key's store: beside the key-encryption keys' store. */
  public Path searchKeyFile() {
    return SearchKey.fileBeside(file);
  }

  /** The key store's file (for the administrator's view and the tests). */
  public Path keyStoreFile() {
    return file;
  }
}

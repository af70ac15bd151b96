package org.patientportal.records.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.platform.boundary.SchemaMigration;

/**
 * Holds the record signing key, opened once when first needed. Configuration: {@code
 * PORTAL_RECORDS_KEYSTORE_PATH} (default {@code <installation
 * folder>/keys/portal-record-signing.bcfks}, each database its own), {@code
 * PORTAL_RECORDS_KEYSTORE_PASSWORD} (required outside the demo), {@code
 * PORTAL_RECORDS_KEYSTORE_CREATE} (a missing store may be made; on in the demo). The store keeps
 * every version of the key ({@link RecordSigningKeys}); an administrator adds one by rotation.
 */
@ApplicationScoped
public class RecordSigner {

  private static final Logger LOG = Logger.getLogger(RecordSigner.class.getName());
  static final String DEMO_PASSWORD = "demo-record-key-password-not-for-production";

  @EJB SchemaMigration schema;

  @Inject
  @ConfigProperty(name = "portal.demo-data", defaultValue = "false")
  boolean demo;

  @Inject
  @ConfigProperty(name = "portal.records.keystore.path")
  Optional<String> keyStorePath;

  @Inject
  @ConfigProperty(name = "portal.records.keystore.password")
  Optional<String> keyStorePassword;

  @Inject
  @ConfigProperty(name = "portal.records.keystore.create", defaultValue = "false")
  boolean keyStoreCreate;

  private RecordSigningKeys keys;

  @PostConstruct
  void open() {
    Path store =
        keyStorePath
            .map(Path::of)
            .orElse(
                schema.installationFolder().resolve("keys").resolve("portal-record-signing.bcfks"));
    String password = keyStorePassword.orElse(demo ? DEMO_PASSWORD : null);
    if (password == null || password.isEmpty()) {
      throw new IllegalStateException(
          "Set PORTAL_RECORDS_KEYSTORE_PASSWORD: the password of the key that signs the record");
    }
    keys = RecordSigningKeys.openOrCreate(store, password.toCharArray(), demo || keyStoreCreate);
    LOG.info(
        () ->
            "Medical record entries signed with key "
                + keys.current().keyId()
                + " from "
                + store
                + " (public keys in "
                + RecordSigningKeys.publicKeyFile(store)
                + ")");
  }

  /** The key that signs new entries (read again when another node rotated it). */
  public RecordSigningKey key() {
    keys.refresh();
    return keys.current();
  }

  /** The key named {@code keyId}, current or older; null when there is no such key. */
  public RecordSigningKey key(String keyId) {
    return keys.byId(keyId);
  }

  /** Every key, oldest first (the last signs new entries). */
  public List<RecordSigningKey> keys() {
    keys.refresh();
    return List.copyOf(keys.versions().values());
  }

  /** Adds a new key that signs new entries from now on; the old ones stay to verify. */
  public RecordSigningKey rotate() {
    keys.rotate();
    RecordSigningKey current = keys.current();
    LOG.info(() -> "Medical record entries signed with a new key from now on: " + current.keyId());
    return current;
  }
}

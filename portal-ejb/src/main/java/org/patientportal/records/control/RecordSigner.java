package org.patientportal.records.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.platform.boundary.SchemaMigration;

/**
 * Holds the record signing key, opened once when first needed. Configuration: {@code
 * PORTAL_RECORDS_KEYSTORE_PATH} (default {@code <installation
 * folder>/keys/portal-record-signing.bcfks}, each database its own), {@code
 * PORTAL_RECORDS_KEYSTORE_PASSWORD} (required outside the demo), {@code
 * PORTAL_RECORDS_KEYSTORE_CREATE} (a missing store may be made; on in the demo).
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

  private RecordSigningKey key;

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
    key = RecordSigningKey.openOrCreate(store, password.toCharArray(), demo || keyStoreCreate);
    LOG.info(() -> "Medical record entries signed with key " + key.keyId() + " from " + store);
  }

  public RecordSigningKey key() {
    return key;
  }
}

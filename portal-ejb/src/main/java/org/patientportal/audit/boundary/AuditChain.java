package org.patientportal.audit.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.audit.control.AuditSigningKey;
import org.patientportal.audit.control.ChainArchiver;
import org.patientportal.audit.control.ChainSealer;
import org.patientportal.audit.control.ChainVerifier;
import org.patientportal.audit.control.CheckpointFile;
import org.patientportal.audit.entity.Archive;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.audit.entity.ChainVerification;
import org.patientportal.audit.entity.Checkpoint;
import org.patientportal.identity.entity.Roles;
import org.patientportal.platform.boundary.SchemaMigration;

/**
 * Keeps the access log tamper-evident. Every few seconds it appends the entries written since to
 * the SHA-256 hash chain (each batch in its own transaction, the chain's head row locked, so nodes
 * of a cluster take turns), and every {@code PORTAL_AUDIT_CHECKPOINT_ENTRIES} entries or {@code
 * PORTAL_AUDIT_CHECKPOINT_SECONDS} seconds it signs the head with the Ed25519 audit key and writes
 * the checkpoint to the file outside the database, then to the database. Auditors check the whole
 * chain with {@link #verify()}.
 *
 * <p>Settings: {@code PORTAL_AUDIT_KEYSTORE_PATH} (default {@code <installation
 * folder>/keys/portal-audit-signing.bcfks}; its public key is written beside it as {@code .pub}),
 * {@code PORTAL_AUDIT_KEYSTORE_PASSWORD} (required outside the demo), {@code
 * PORTAL_AUDIT_KEYSTORE_CREATE}, {@code PORTAL_AUDIT_CHECKPOINT_FILE} (default {@code <installation
 * folder>/audit/checkpoints.log}), where the installation folder is {@code <server data
 * dir>/portal/<the database's installation id>}: each database its own checkpoints, archives and
 * key, whichever database the server runs on.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditChain {

  private static final Logger LOG = Logger.getLogger(AuditChain.class.getName());
  static final String DEMO_PASSWORD = "demo-audit-key-password-not-for-production";
  static final int BATCH = 5_000;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  @Resource SessionContext context;
  @Inject Clock clock;
  @Inject AuditLog log;
  @jakarta.ejb.EJB AuditService auditService;
  @jakarta.ejb.EJB SchemaMigration schema;

  @Inject
  @ConfigProperty(name = "portal.demo-data", defaultValue = "false")
  boolean demo;

  @Inject
  @ConfigProperty(name = "portal.audit.keystore.path")
  java.util.Optional<String> keyStorePath;

  @Inject
  @ConfigProperty(name = "portal.audit.keystore.password")
  java.util.Optional<String> keyStorePassword;

  @Inject
  @ConfigProperty(name = "portal.audit.keystore.create", defaultValue = "false")
  boolean keyStoreCreate;

  @Inject
  @ConfigProperty(name = "portal.audit.checkpoint-file")
  java.util.Optional<String> checkpointFile;

  @Inject
  @ConfigProperty(name = "portal.audit.checkpoint-entries", defaultValue = "1000")
  long checkpointEntries;

  @Inject
  @ConfigProperty(name = "portal.audit.checkpoint-seconds", defaultValue = "300")
  long checkpointSeconds;

  @Inject
  @ConfigProperty(name = "portal.audit.retention-days", defaultValue = "2190")
  long retentionDays;

  @Inject
  @ConfigProperty(name = "portal.audit.archive-dir")
  java.util.Optional<String> archiveDirSetting;

  private AuditSigningKey signing;
  private CheckpointFile file;
  private Path publicKeyFile;
  private Duration checkpointEvery;
  private Duration retention;
  private Path archiveDir;
  private String installation;

  @PostConstruct
  void open() {
    installation = schema.installationId().toString();
    Path folder = schema.installationFolder();
    Path store =
        keyStorePath
            .map(Path::of)
            .orElse(folder.resolve("keys").resolve("portal-audit-signing.bcfks"));
    String password = keyStorePassword.orElse(demo ? DEMO_PASSWORD : null);
    if (password == null || password.isEmpty()) {
      throw new IllegalStateException(
          "Set PORTAL_AUDIT_KEYSTORE_PASSWORD: the password of the key that signs the access log");
    }
    boolean mayCreate = demo || keyStoreCreate;
    signing = AuditSigningKey.openOrCreate(store, password.toCharArray(), mayCreate);
    publicKeyFile = AuditSigningKey.publicKeyFile(store);
    file =
        new CheckpointFile(
            checkpointFile.map(Path::of).orElse(folder.resolve("audit").resolve("checkpoints.log")),
            installation);
    checkpointEvery = Duration.ofSeconds(checkpointSeconds);
    retention = Duration.ofDays(retentionDays);
    archiveDir = archiveDirSetting.map(Path::of).orElse(folder.resolve("audit").resolve("archive"));
    LOG.info(
        () ->
            "Access log signed with audit key "
                + signing.keyId()
                + " (public key in "
                + publicKeyFile
                + "); checkpoints also in "
                + file.path());
  }

  /** Seals what was written since the last run, and signs a checkpoint when one is due. */
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void tick() {
    try {
      sealAll();
      self().checkpoint(false);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not seal the access log now; trying again shortly", e);
    }
  }

  /** Chains every entry written so far, in batches; returns how many were chained. */
  @PermitAll
  public long sealAll() {
    long total = 0;
    int sealed;
    do {
      sealed = self().sealBatch();
      total += sealed;
    } while (sealed == BATCH);
    return total;
  }

  /** Chains up to {@link #BATCH} entries in one transaction. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int sealBatch() {
    try (Connection c = dataSource.getConnection()) {
      return new ChainSealer().seal(c, BATCH, clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("Could not seal the access log", e);
    }
  }

  /**
   * Signs the chain's head when a checkpoint is due (or now, when {@code force}), unless the last
   * checkpoint is at the head already. The file is written first: a checkpoint in the file but not
   * in the database (a crash between) is still a valid, signed checkpoint.
   *
   * @return the checkpoint signed, or null
   */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Checkpoint checkpoint(boolean force) {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      ChainSealer.Head head = ChainSealer.lockHead(c);
      long lastPosition = 0;
      Instant lastAt = null;
      try (PreparedStatement s =
              c.prepareStatement(
                  "select chain_position, signed_at from audit_checkpoint"
                      + " order by chain_position desc fetch first 1 rows only");
          ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          lastPosition = rs.getLong(1);
          lastAt = rs.getObject(2, OffsetDateTime.class).toInstant();
        }
      }
      boolean due =
          force
              || lastAt == null
              || head.position() - lastPosition >= checkpointEntries
              || !now.isBefore(lastAt.plus(checkpointEvery));
      if (head.position() <= lastPosition || !due) {
        return null;
      }
      Checkpoint checkpoint = signing.sign(head.position(), head.hash(), now);
      file.append(checkpoint);
      ChainSealer.store(c, checkpoint);
      return checkpoint;
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Could not write a checkpoint of the access log", e);
    }
  }

  /**
   * Checks the whole chain, after chaining what is pending, against the signed checkpoints of the
   * database and of the file. The check is itself recorded.
   */
  @RolesAllowed(Roles.AUDITOR)
  public ChainVerification verify() {
    sealAll();
    ChainVerification result = check();
    String resource =
        result.valid()
            ? "chain valid, positions %d-%d"
                .formatted(result.firstPosition(), result.lastPosition())
            : "chain %s at position %d"
                .formatted(result.problem().kind(), result.problem().position());
    // through the audit boundary, which records the caller as the request's user
    auditService.recordCheck(
        AuditAction.AUDIT_VERIFIED,
        resource,
        result.valid() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED);
    return result;
  }

  /** The check without sealing first or recording it (for the tests and the benchmark). */
  @PermitAll
  public ChainVerification check() {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try {
          return new ChainVerifier(publicKeys()).verify(c, file, installation, now);
        } catch (IOException e) {
          return new ChainVerification(
              false,
              0,
              0,
              0,
              0,
              0,
              0,
              null,
              new ChainVerification.Problem(
                  ChainVerification.Kind.CHECKPOINT_MISMATCH, 0, null, e.getMessage()),
              now,
              0);
        }
      } finally {
        c.rollback();
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the access log", e);
    }
  }

  private Map<String, byte[]> publicKeys() {
    Map<String, byte[]> keys = new HashMap<>();
    try {
      if (Files.exists(publicKeyFile)) {
        keys.putAll(AuditSigningKey.readPublicKeys(publicKeyFile));
      }
    } catch (IOException e) {
      LOG.warning(() -> "Could not read the audit public keys in " + publicKeyFile + ": " + e);
    }
    keys.put(signing.keyId(), signing.publicKey());
    return keys;
  }

  /** Once a night: archives and removes the entries older than the retention period. */
  @Schedule(hour = "3", minute = "17", persistent = false)
  void retain() {
    try {
      self().archiveExpired();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not archive the expired part of the access log", e);
    }
  }

  /**
   * Archives the chain's oldest entries, as far as every one of them is older than {@code
   * PORTAL_AUDIT_RETENTION_DAYS} (default 2190, six years), to a signed file in {@code
   * PORTAL_AUDIT_ARCHIVE_DIR}, then removes them. Only what the retention policy allows, so anyone
   * may start it.
   *
   * @return the archive made, or null when nothing has expired
   */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Archive archiveExpired() {
    Instant cutoff = clock.instant().minus(retention);
    try (Connection c = dataSource.getConnection()) {
      return archive(c, ChainArchiver.expiredThrough(c, cutoff));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not archive the access log", e);
    }
  }

  /**
   * Archives the chain up to {@code position} now, whatever the entries' age: for an administrator
   * who must move the log elsewhere (and for the tests).
   */
  @RolesAllowed(Roles.ADMIN)
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Archive archiveThrough(long position) {
    try (Connection c = dataSource.getConnection()) {
      return archive(c, position);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not archive the access log", e);
    }
  }

  private Archive archive(Connection c, long through) throws SQLException {
    sealAllIn(c, clock.instant());
    Archive archive;
    try {
      archive =
          new ChainArchiver().archiveThrough(c, through, archiveDir, signing, clock.instant());
    } catch (IOException e) {
      throw new IllegalStateException("Could not write the archive in " + archiveDir, e);
    }
    if (archive != null) {
      log.record(
          "portal",
          null,
          AuditAction.AUDIT_ARCHIVED,
          "positions %d-%d (%d entries) to %s"
              .formatted(archive.first(), archive.last(), archive.entries(), archive.fileName()),
          AuditOutcome.SUCCESS);
      LOG.info(() -> "Archived access log positions " + archive.first() + "-" + archive.last());
    }
    return archive;
  }

  /** Chains what is pending in this transaction, so that the archive can reach the head. */
  private static void sealAllIn(Connection c, Instant now) throws SQLException {
    ChainSealer sealer = new ChainSealer();
    while (sealer.seal(c, BATCH, now) == BATCH) {
      // keep going
    }
  }

  @PermitAll
  public Path archiveDir() {
    return archiveDir;
  }

  /** The audit key's id and public key file, for the console and the command-line verifier. */
  @PermitAll
  public String keyId() {
    return signing.keyId();
  }

  @PermitAll
  public Path publicKeyFile() {
    return publicKeyFile;
  }

  @PermitAll
  public Path checkpointFile() {
    return file.path();
  }

  private AuditChain self() {
    return context.getBusinessObject(AuditChain.class);
  }
}

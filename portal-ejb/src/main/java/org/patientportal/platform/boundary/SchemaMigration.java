package org.patientportal.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.patientportal.platform.control.Installation;

/**
 * Brings the database to the schema this build expects before anything else runs: Flyway applies
 * the versioned migrations in {@code db/migration}, then Hibernate validates its mapping against
 * the result. A mismatch fails the deployment rather than the first request that meets it. Then it
 * reads the database's installation id (writing one at the first start), under which the files that
 * belong to this database are kept ({@link #installationFolder()}).
 */
@Startup
@Singleton
@jakarta.ejb.DependsOn("StartupChecks")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  @PersistenceUnit EntityManagerFactory entityManagerFactory;

  @Inject Clock clock;

  private UUID installationId;

  /**
   * The table WildFly's database timer store makes in the portal's database when the server starts
   * (configure-server.cli), before any deployment runs.
   */
  static final String TIMER_TABLE = "jboss_ejb_timer";

  /**
   * Whether the database's schema holds WildFly's timer table and nothing else: a new database,
   * which Flyway would otherwise refuse as a non-empty one without its history.
   */
  private boolean onlyTheTimerTable() {
    try (Connection c = dataSource.getConnection()) {
      Set<String> tables = new HashSet<>();
      try (ResultSet rs =
          c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
        }
      }
      return tables.equals(Set.of(TIMER_TABLE));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list the database's tables", e);
    }
  }

  @PostConstruct
  void migrate() {
    MigrateResult result =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations(locations())
            .failOnMissingLocations(true)
            // a new database already holds WildFly's timer table, made when the server started
            // (configure-server.cli): only then is it taken as empty, with nothing applied yet
            .baselineOnMigrate(onlyTheTimerTable())
            .baselineVersion("0")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
    entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    try (Connection c = dataSource.getConnection()) {
      installationId = Installation.ensure(c, clock.instant());
      if (!filesPlacedBySettings()
          && Installation.adoptEarlierLayout(c, dataDir(), installationId)) {
        LOG.info(
            () ->
                "The key stores and checkpoints of this database moved to "
                    + installationFolder()
                    + " (a folder per database now)");
      }
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("Could not read the database's installation id", e);
    }
    LOG.info(() -> "Database of installation " + installationId);
  }

  /** The id of the installation this database belongs to. */
  public UUID installationId() {
    return installationId;
  }

  /**
   * Where the files of this database's installation are kept by default: {@code <server data
   * dir>/portal/<installation id>} (checkpoints, archives and key stores unless their settings name
   * other places).
   */
  public Path installationFolder() {
    return Installation.folder(dataDir(), installationId);
  }

  private static Path dataDir() {
    return Path.of(
        System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")));
  }

  /** Whether the settings place the key stores or audit files themselves (then nothing moves). */
  private static boolean filesPlacedBySettings() {
    org.eclipse.microprofile.config.Config config =
        org.eclipse.microprofile.config.ConfigProvider.getConfig(
            SchemaMigration.class.getClassLoader());
    return java.util.stream.Stream.of(
            "portal.keystore.path",
            "portal.audit.keystore.path",
            "portal.audit.checkpoint-file",
            "portal.audit.archive-dir")
        .anyMatch(name -> config.getOptionalValue(name, String.class).isPresent());
  }

  /**
   * The migrations for every database, plus PostgreSQL's own (db/postgresql: what H2 cannot do,
   * such as the trigger that keeps the audit log append-only; numbered between the shared ones).
   */
  private String[] locations() {
    return postgresql()
        ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
        : new String[] {"classpath:db/migration"};
  }

  private Boolean postgresql;

  /**
   * Whether the portal's database is PostgreSQL (else H2): asked of the database once, when the
   * migrations start, so later callers only read it (no singleton write lock on a hot path).
   */
  @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
  public boolean postgresql() {
    if (postgresql == null) {
      try (java.sql.Connection c = dataSource.getConnection()) {
        postgresql =
            c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgresql");
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("The portal's database cannot be reached", e);
      }
    }
    return postgresql;
  }
}

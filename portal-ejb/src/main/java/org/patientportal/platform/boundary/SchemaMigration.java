package org.patientportal.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the database to the schema this build expects before anything else runs: Flyway applies
 * the versioned migrations in {@code db/migration}, then Hibernate validates its mapping against
 * the result. A mismatch fails the deployment rather than the first request that meets it.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  @PersistenceUnit EntityManagerFactory entityManagerFactory;

  @PostConstruct
  void migrate() {
    MigrateResult result =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations(locations())
            .failOnMissingLocations(true)
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
  }

  /**
   * The migrations for every database, plus PostgreSQL's own (db/postgresql: what H2 cannot do,
   * such as the trigger that keeps the audit log append-only; numbered between the shared ones).
   */
  private String[] locations() {
    try (java.sql.Connection c = dataSource.getConnection()) {
      return c.getMetaData()
              .getDatabaseProductName()
              .toLowerCase(java.util.Locale.ROOT)
              .contains("postgresql")
          ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
          : new String[] {"classpath:db/migration"};
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("The portal's database cannot be reached", e);
    }
  }
}

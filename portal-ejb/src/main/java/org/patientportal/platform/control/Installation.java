package org.patientportal.platform.control;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The id of the installation a database belongs to: a random UUID written to the {@code
 * installation} table (migration V10) the first time the portal starts on that database. The files
 * that belong to one database (signed checkpoints, archives, the demo's key stores) are kept under
 * {@link #folder}, so a demo run on H2 and one on PostgreSQL never read each other's.
 *
 * <p>Plain JDBC, so the command-line verifier reads it the same way.
 */
public final class Installation {

  private Installation() {}

  /** This database's installation id, if the portal has started on it (and V10 has run). */
  public static Optional<UUID> read(Connection c) throws SQLException {
    // in a transaction, a failed statement must not spoil the caller's work (PostgreSQL)
    java.sql.Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
    try (PreparedStatement s = c.prepareStatement("select id from installation");
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
    } catch (SQLException e) {
      // no installation table: a database the portal has not migrated to V10 yet
      if (before != null) {
        c.rollback(before);
      }
      return Optional.empty();
    }
  }

  /**
   * This database's installation id, written now if it has none (in its own statement; a node that
   * loses the race to write it reads the winner's).
   */
  public static UUID ensure(Connection c, Instant now) throws SQLException {
    Optional<UUID> existing = read(c);
    if (existing.isPresent()) {
      return existing.get();
    }
    UUID id = UUID.randomUUID();
    try (PreparedStatement s =
        c.prepareStatement("insert into installation (id, created_at) values (?, ?)")) {
      s.setObject(1, id);
      s.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      s.executeUpdate();
      return id;
    } catch (SQLException e) {
      if (!c.getAutoCommit()) {
        throw e;
      }
      return read(c).orElseThrow(() -> e);
    }
  }

  /** Where the files of installation {@code id} are kept by default: {@code <data>/portal/<id>}. */
  public static Path folder(Path dataDir, UUID id) {
    return dataDir.resolve("portal").resolve(id.toString());
  }
}

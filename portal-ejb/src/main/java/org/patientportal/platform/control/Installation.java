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

  /**
   * Moves the files of the layout before installation ids ({@code <data>/portal/keys} and {@code
   * <data>/portal/audit}) into the folder of installation {@code id}, when they are this
   * database's: when a checkpoint in the old checkpoint file is one of this database's signed
   * checkpoints (same position, same head hash). Files of another database (or of none that can be
   * told) stay where they are. Does nothing once the installation has its folder.
   *
   * @return whether the files were moved
   */
  public static boolean adoptEarlierLayout(Connection c, Path dataDir, UUID id)
      throws SQLException, java.io.IOException {
    Path portal = dataDir.resolve("portal");
    Path folder = folder(dataDir, id);
    Path checkpoints = portal.resolve("audit").resolve("checkpoints.log");
    if (java.nio.file.Files.exists(folder) || !java.nio.file.Files.isRegularFile(checkpoints)) {
      return false;
    }
    boolean ours = false;
    try (PreparedStatement s =
        c.prepareStatement(
            "select count(*) from audit_checkpoint where chain_position = ? and head_hash = ?")) {
      for (String line :
          java.nio.file.Files.readAllLines(
              checkpoints, java.nio.charset.StandardCharsets.US_ASCII)) {
        // checkpoint-v1 <position> <head hash, hex> <signed at> <key id> <signature>
        String[] f = line.strip().split(" ");
        if (f.length != 6 || !"checkpoint-v1".equals(f[0])) {
          continue;
        }
        s.setLong(1, Long.parseLong(f[1]));
        s.setBytes(2, java.util.HexFormat.of().parseHex(f[2]));
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            ours = true;
            break;
          }
        }
      }
    }
    if (!ours) {
      return false;
    }
    java.nio.file.Files.createDirectories(folder);
    for (String part : new String[] {"keys", "audit"}) {
      if (java.nio.file.Files.exists(portal.resolve(part))) {
        java.nio.file.Files.move(portal.resolve(part), folder.resolve(part));
      }
    }
    return true;
  }
}

package org.patientportal.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.patientportal.audit.entity.Checkpoint;

/**
 * Appends the entries written since the last run to the hash chain, oldest sequence number first:
 * each gets the next position and its link hash, set once. Plain JDBC on the caller's connection
 * and transaction; the head row is locked for the duration, so that two nodes never append at once.
 */
public final class ChainSealer {

  /** The chain's head: the last position given and its hash. */
  public record Head(long position, byte[] hash) {}

  private final ChainCodec codec = new ChainCodec();

  /** Reads the head, locking it until the caller's transaction ends. */
  public static Head lockHead(Connection c) throws SQLException {
    return head(c, true);
  }

  /**
   * Reads the head, locking it ({@code for update}) when asked; a missing head row is an error when
   * locking (the sealer cannot go on) and the empty chain when only reading.
   */
  static Head head(Connection c, boolean lock) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "select chain_position, head_hash from audit_chain_head where id = 1"
                    + (lock ? " for update" : ""));
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        if (lock) {
          throw new IllegalStateException("The access log's chain head is missing");
        }
        return new Head(0, ChainCodec.genesis());
      }
      byte[] hash = rs.getBytes(2);
      return new Head(rs.getLong(1), hash == null ? ChainCodec.genesis() : hash);
    }
  }

  /** Stores a signed checkpoint in the database (after it was written to the file). */
  public static void store(Connection c, Checkpoint checkpoint) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into audit_checkpoint (chain_position, head_hash, signed_at, key_id,"
                + " signature) values (?, ?, ?, ?, ?)")) {
      insert.setLong(1, checkpoint.position());
      insert.setBytes(2, checkpoint.headHash());
      insert.setObject(3, OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC));
      insert.setString(4, checkpoint.keyId());
      insert.setBytes(5, checkpoint.signature());
      insert.executeUpdate();
    }
  }

  /**
   * Chains up to {@code limit} unsealed entries after the head, in the caller's transaction.
   *
   * @return how many were chained (fewer than {@code limit} when none are left)
   */
  public int seal(Connection c, int limit, Instant now) throws SQLException {
    Head head = lockHead(c);
    List<ChainRow> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select "
                + ChainCodec.COLUMNS
                + " from audit_entry where chain_position is null order by seq"
                + " fetch first ? rows only")) {
      s.setInt(1, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(ChainCodec.read(rs));
        }
      }
    }
    if (rows.isEmpty()) {
      return 0;
    }
    long position = head.position();
    byte[] hash = head.hash();
    try (PreparedStatement u =
        c.prepareStatement(
            "update audit_entry set chain_position = ?, chain_hash = ?"
                + " where seq = ? and chain_position is null")) {
      for (ChainRow row : rows) {
        position++;
        hash = codec.link(hash, row.at(position));
        u.setLong(1, position);
        u.setBytes(2, hash);
        u.setLong(3, row.seq());
        u.addBatch();
      }
      for (int count : u.executeBatch()) {
        if (count != 1 && count != PreparedStatement.SUCCESS_NO_INFO) {
          throw new IllegalStateException("An audit entry was chained by someone else meanwhile");
        }
      }
    }
    try (PreparedStatement h =
        c.prepareStatement(
            "update audit_chain_head set chain_position = ?, head_hash = ?, sealed_at = ?"
                + " where id = 1")) {
      h.setLong(1, position);
      h.setBytes(2, hash);
      h.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      h.executeUpdate();
    }
    return rows.size();
  }
}

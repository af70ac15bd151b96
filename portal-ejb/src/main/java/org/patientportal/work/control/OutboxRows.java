package org.patientportal.work.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The relay's SQL on the {@code outbox} table, the same on PostgreSQL and on H2 (2.2, in PostgreSQL
 * mode; both understand {@code for update skip locked} and {@code = any(array)}).
 *
 * <p>{@link #lock} takes the oldest rows that no other transaction holds and locks them until its
 * transaction ends: several relays (the nodes of a cluster) then take disjoint batches instead of
 * waiting for each other or sending the same rows twice. A row a crashed relay had locked is free
 * again once the database has dropped that relay's connection.
 */
public final class OutboxRows {

  /** A row of the outbox: one work item for one queue. */
  public record Row(long id, String destination, String idempotencyKey, String payload) {}

  static final String LOCK =
      "select id, destination, idempotency_key, payload from outbox order by id"
          + " fetch first ? rows only for update skip locked";
  static final String DELETE = "delete from outbox where id = any(?)";

  private OutboxRows() {}

  /** Up to {@code limit} rows, oldest first, locked for this transaction; skips locked rows. */
  public static List<Row> lock(Connection c, int limit) throws SQLException {
    List<Row> rows = new ArrayList<>(Math.min(limit, 1_000));
    try (PreparedStatement s = c.prepareStatement(LOCK)) {
      s.setInt(1, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return rows;
  }

  /** Deletes the rows of these ids, in one statement; returns how many it deleted. */
  public static int delete(Connection c, Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement s = c.prepareStatement(DELETE)) {
      Array array = c.createArrayOf("bigint", ids.toArray(Long[]::new));
      try {
        s.setArray(1, array);
        return s.executeUpdate();
      } finally {
        array.free();
      }
    }
  }
}

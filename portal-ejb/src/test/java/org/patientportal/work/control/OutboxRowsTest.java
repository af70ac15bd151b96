package org.patientportal.work.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay's SQL on the H2 that WildFly ships, in the PostgreSQL mode the portal runs it in, on
 * the table the V13 migration makes: oldest rows first, a batch bounded, two relays taking disjoint
 * batches, a delete of exactly the rows sent. (PostgreSQL runs the same statements in OutboxIT.)
 */
class OutboxRowsTest {

  private final String url =
      "jdbc:h2:mem:outbox-"
          + UUID.randomUUID()
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  private Connection first;
  private Connection second;

  @BeforeEach
  void migrate() throws Exception {
    first = DriverManager.getConnection(url, "sa", "sa");
    try (Statement s = first.createStatement()) {
      s.execute(migration());
    }
    first.setAutoCommit(false);
    second = DriverManager.getConnection(url, "sa", "sa");
    second.setAutoCommit(false);
  }

  @AfterEach
  void close() throws SQLException {
    first.rollback();
    second.rollback();
    first.close();
    second.close();
  }

  @Test
  void takesTheOldestRowsUpToTheBatchAndDeletesExactlyThose() throws Exception {
    insert(first, "EmailQueue", "a", "{\"n\":\"ñ 😀\"}");
    insert(first, "EmailQueue", "b", "{}");
    insert(first, "ReminderCallQueue", "c", "{}");
    first.commit();

    List<OutboxRows.Row> batch = OutboxRows.lock(first, 2);

    assertEquals(List.of("a", "b"), batch.stream().map(OutboxRows.Row::idempotencyKey).toList());
    assertEquals("{\"n\":\"ñ 😀\"}", batch.get(0).payload());
    assertEquals("EmailQueue", batch.get(0).destination());
    assertEquals(2, OutboxRows.delete(first, batch.stream().map(OutboxRows.Row::id).toList()));
    first.commit();
    assertEquals(List.of("c"), keys(OutboxRows.lock(first, 10)));
    assertEquals(0, OutboxRows.delete(first, List.of()));
  }

  @Test
  void twoRelaysTakeDisjointBatchesAndNeitherWaits() throws Exception {
    for (int i = 0; i < 5; i++) {
      insert(first, "EmailQueue", "k" + i, "{}");
    }
    first.commit();

    List<OutboxRows.Row> one = OutboxRows.lock(first, 3);
    List<OutboxRows.Row> other = OutboxRows.lock(second, 3);

    assertEquals(List.of("k0", "k1", "k2"), keys(one));
    assertEquals(List.of("k3", "k4"), keys(other), "the locked rows are skipped");
    Set<String> all = new HashSet<>(keys(one));
    all.addAll(keys(other));
    assertEquals(5, all.size());

    first.rollback(); // a relay that failed: its rows are free again, for the next pass
    assertEquals(List.of("k0", "k1", "k2"), keys(OutboxRows.lock(first, 10)));
  }

  @Test
  void onePendingRowPerQueueAndKey() throws Exception {
    insert(first, "EmailQueue", "same", "{}");
    insert(first, "ReminderCallQueue", "same", "{}");
    first.commit();

    assertThrows(SQLException.class, () -> insert(first, "EmailQueue", "same", "{}"));
    first.rollback();
    try (PreparedStatement s =
        first.prepareStatement(
            "insert into outbox (destination, idempotency_key, payload, created_at)"
                + " values ('EmailQueue', 'same', '{}', current_timestamp) on conflict do nothing")) {
      assertEquals(0, s.executeUpdate(), "the outbox's insert adds nothing for a waiting key");
    }
  }

  @Test
  void idsGrowInTheOrderRowsAreWritten() throws Exception {
    insert(first, "EmailQueue", "x", "{}");
    insert(first, "EmailQueue", "y", "{}");
    first.commit();
    List<OutboxRows.Row> rows = OutboxRows.lock(first, 10);
    assertTrue(rows.get(0).id() < rows.get(1).id(), rows.toString());
  }

  private static List<String> keys(List<OutboxRows.Row> rows) {
    return rows.stream().map(OutboxRows.Row::idempotencyKey).toList();
  }

  private static void insert(Connection c, String destination, String key, String payload)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into outbox (destination, idempotency_key, payload, created_at)"
                + " values (?, ?, ?, ?)")) {
      s.setString(1, destination);
      s.setString(2, key);
      s.setString(3, payload);
      s.setObject(4, OffsetDateTime.now());
      s.executeUpdate();
    }
  }

  private static String migration() throws IOException {
    try (InputStream in =
        OutboxRowsTest.class.getResourceAsStream("/db/migration/V13__outbox.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

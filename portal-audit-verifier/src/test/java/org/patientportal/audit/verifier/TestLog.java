package org.patientportal.audit.verifier;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.patientportal.audit.control.AuditSigningKey;
import org.patientportal.audit.control.ChainSealer;
import org.patientportal.audit.control.ChainVerifier;
import org.patientportal.audit.control.CheckpointFile;
import org.patientportal.audit.entity.ChainVerification;
import org.patientportal.audit.entity.Checkpoint;
import org.patientportal.platform.control.Installation;

/**
 * A real access log in a real database for the tests: the portal's own migrations on H2 (in
 * PostgreSQL mode, as the portal runs it) or, with {@code -Dportal.db=postgresql}, on the local
 * PostgreSQL in a schema of its own, filled with realistic entries, sealed and checkpointed by the
 * portal's own code.
 */
final class TestLog implements AutoCloseable {

  static final String[] ACTORS = {"dr.smith", "dr.chen", "nurse.lee", "audit.kim", "pat.jones"};
  static final String[] PATIENTS = {"pat.jones", "sam.rivera", null};
  static final String[] ACTIONS = {"MESSAGE_OPENED", "MESSAGE_SENT", "ACCESS_DENIED", "SIGN_IN"};

  final boolean postgres = "postgresql".equals(System.getProperty("test.db", "h2"));
  final String url;
  final Path dir;
  final AuditSigningKey key;
  final CheckpointFile file;
  final Path publicKeys;
  final Connection c;
  final String installation;
  private long nextSeq = 1;
  private final Random random = new Random(7);
  private Instant clock = Instant.parse("2026-11-02T08:00:00.123456Z");

  TestLog(Path dir, String name) throws Exception {
    this.dir = dir;
    if (postgres) {
      String schema = "audit_verifier_" + name;
      url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
      try (Connection admin =
              DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
          Statement s = admin.createStatement()) {
        s.execute("drop schema if exists " + schema + " cascade");
        s.execute("create schema " + schema);
      }
    } else {
      url =
          "jdbc:h2:mem:"
              + name
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }
    Flyway.configure()
        .dataSource(url, user(), "")
        .locations(
            postgres
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"})
        .load()
        .migrate();
    c = DriverManager.getConnection(url, user(), "");
    installation = Installation.ensure(c, clock).toString();
    c.setAutoCommit(false);
    Path store = dir.resolve("audit-signing.bcfks");
    key = AuditSigningKey.openOrCreate(store, "test-password".toCharArray(), true);
    publicKeys = AuditSigningKey.publicKeyFile(store);
    // where the portal keeps the checkpoints of this database: a folder per installation
    file =
        new CheckpointFile(
            Installation.folder(dir, UUID.fromString(installation))
                .resolve("audit")
                .resolve("checkpoints.log"),
            installation);
  }

  String user() {
    return postgres ? "postgres" : "sa";
  }

  /** Writes {@code count} entries with the next sequence numbers and commits. */
  List<Long> write(int count) throws SQLException {
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      seqs.add(write(nextSeq++));
    }
    c.commit();
    return seqs;
  }

  long write(long seq) throws SQLException {
    clock = clock.plusMillis(1 + random.nextInt(60_000)).plusNanos(random.nextInt(1000) * 1000L);
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into audit_entry (seq, occurred_at, actor, actor_role, on_behalf_of, patient,"
                + " action, resource, outcome, client_address, user_agent)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, seq);
      s.setObject(2, OffsetDateTime.ofInstant(clock, ZoneOffset.UTC));
      s.setString(3, pick(ACTORS));
      s.setString(4, random.nextBoolean() ? "clinician" : null);
      s.setString(5, random.nextInt(10) == 0 ? "pat.jones" : null);
      s.setString(6, pick(PATIENTS));
      s.setString(7, pick(ACTIONS));
      s.setString(8, "message/" + random.nextInt(100_000));
      s.setString(9, random.nextInt(8) == 0 ? "DENIED" : "SUCCESS");
      s.setString(10, "10.0." + random.nextInt(256) + "." + random.nextInt(256));
      s.setString(
          11, random.nextBoolean() ? "Mozilla/5.0 (X11; Linux x86_64) Chrome/156 – ñ" : null);
      s.executeUpdate();
    }
    return seq;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Chains everything written, in batches of {@code batch}, each committed. */
  void seal(int batch) throws SQLException {
    ChainSealer sealer = new ChainSealer();
    while (sealer.seal(c, batch, clock) == batch) {
      c.commit();
    }
    c.commit();
  }

  /** Signs the head as it is, into the database and the file, as the portal does. */
  Checkpoint checkpoint() throws Exception {
    ChainSealer.Head head = ChainSealer.lockHead(c);
    Checkpoint checkpoint = key.sign(head.position(), head.hash(), clock);
    file.append(checkpoint);
    insert(checkpoint);
    c.commit();
    return checkpoint;
  }

  void insert(Checkpoint checkpoint) throws SQLException {
    ChainSealer.store(c, checkpoint);
  }

  /** Verifies in the current transaction (which sees its own uncommitted tampering). */
  ChainVerification verify() throws Exception {
    return new ChainVerifier(Map.of(key.keyId(), key.publicKey()))
        .verify(c, file, installation, Instant.now());
  }

  /** Lets this transaction change the log as an intruder with the database's superuser would. */
  void bypassProtection() throws SQLException {
    if (postgres) {
      try (Statement s = c.createStatement()) {
        s.execute("set local session_replication_role = replica");
      }
    }
  }

  int update(String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    }
  }

  long seqAt(long position) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select seq from audit_entry where chain_position = ?")) {
      s.setLong(1, position);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no entry at position " + position);
        }
        return rs.getLong(1);
      }
    }
  }

  byte[] hashAt(long position) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select chain_hash from audit_entry where chain_position = ?")) {
      s.setLong(1, position);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }

  long nextSeq() {
    return nextSeq++;
  }

  @Override
  public void close() throws SQLException {
    c.rollback();
    c.close();
  }
}

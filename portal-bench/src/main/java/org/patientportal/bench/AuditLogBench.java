package org.patientportal.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.patientportal.audit.control.AuditSigningKey;
import org.patientportal.audit.control.ChainSealer;
import org.patientportal.audit.control.ChainVerifier;
import org.patientportal.audit.control.CheckpointFile;
import org.patientportal.audit.entity.ChainVerification;
import org.patientportal.audit.entity.Checkpoint;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The access log at hospital scale, on PostgreSQL: writes {@code entries} realistic audit entries
 * (a year of a cancer centre's portal: 2,000 staff, 50,000 patients, opens, sends, sign-ins,
 * refusals, with the portal's own schema and indexes), chains them with the portal's sealer and
 * signs a checkpoint every 5,000 entries as the portal does, then measures the verifier's rate over
 * the whole chain and the latency of the auditor's search by patient (the query the console runs:
 * newest first, pages of 100).
 *
 * <pre>
 * mvn -Pbench package -pl portal-bench -am -DskipTests
 * java -cp portal-bench/target/benchmarks.jar org.patientportal.bench.AuditLogBench 10000000
 * </pre>
 *
 * It works in the schema {@code audit_bench} of the database {@code portal_bench} (made if missing,
 * the schema dropped first); {@code drop database portal_bench} frees the 8 GB afterwards.
 */
public final class AuditLogBench {

  static final String SCHEMA = "audit_bench";
  static final int STAFF = 2_000;
  static final int PATIENTS = 50_000;
  static final String[] AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "PatientPortal-iOS/3.4 (iPhone15,2; iOS 18.1)",
    "curl/8.5.0"
  };

  private AuditLogBench() {}

  public static void main(String[] args) throws Exception {
    long entries = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    // a database of its own: 10 GB of generated log must not sit in the tests' database
    String server = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/";
    try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
        Statement s = admin.createStatement();
        ResultSet exists =
            s.executeQuery("select 1 from pg_database where datname = 'portal_bench'")) {
      if (!exists.next()) {
        s.execute("create database portal_bench");
      }
    }
    String base = server + "portal_bench";
    String url =
        base + "?currentSchema=" + SCHEMA + "&reWriteBatchedInserts=true&prepareThreshold=-1";
    try (Connection admin = DriverManager.getConnection(base, "postgres", "");
        Statement s = admin.createStatement()) {
      s.execute("drop schema if exists " + SCHEMA + " cascade");
      s.execute("create schema " + SCHEMA);
    }
    Flyway.configure()
        .dataSource(url, "postgres", "")
        .locations("classpath:db/migration", "classpath:db/postgresql")
        .load()
        .migrate();

    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      generate(c, entries);
      c.commit();
      double generated = seconds(t0);
      System.out.printf(
          "generated %,d entries in %.1f s (%,.0f/s)%n", entries, generated, entries / generated);

      Path dir = Files.createTempDirectory("audit-bench");
      AuditSigningKey key =
          AuditSigningKey.openOrCreate(dir.resolve("key.bcfks"), "bench".toCharArray(), true);
      CheckpointFile file = new CheckpointFile(dir.resolve("checkpoints.log"));
      long t1 = System.nanoTime();
      long sealed = seal(c, key, file);
      double sealing = seconds(t1);
      System.out.printf(
          "sealed %,d entries (checkpoint every 5,000) in %.1f s (%,.0f/s)%n",
          sealed, sealing, sealed / sealing);

      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("vacuum analyze audit_entry");
      }
      c.setAutoCommit(false);
      printSize(c);

      ChainVerifier verifier = new ChainVerifier(Map.of(key.keyId(), key.publicKey()));
      List<Checkpoint> fromFile = file.read();
      for (int run = 1; run <= 3; run++) {
        ChainVerification r = verifier.verify(c, fromFile, Instant.now());
        c.rollback();
        System.out.printf(
            "verify run %d: valid=%s, %,d entries, %,d checkpoints, %.1f s, %,d entries/s%n",
            run,
            r.valid(),
            r.entriesChecked(),
            r.checkpointsChecked(),
            r.millis() / 1000.0,
            r.entriesPerSecond());
      }
      search(c, 0);
      search(c, 9);
    }
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** Writes the entries with COPY, a year of activity in time order, seq in order. */
  static void generate(Connection c, long entries) throws SQLException, IOException {
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    Random random = new Random(42);
    Instant start = Instant.parse("2025-11-01T00:00:00Z");
    long spanMicros = 365L * 24 * 3600 * 1_000_000L;
    StringBuilder chunk = new StringBuilder(32 << 20);
    for (long seq = 1; seq <= entries; seq++) {
      long micros = spanMicros * seq / entries + random.nextInt(1000);
      Instant at = start.plusNanos(micros * 1000);
      int kind = random.nextInt(100);
      String patient = "patient." + random.nextInt(PATIENTS);
      String actor;
      String role;
      String action;
      String resource;
      String outcome = "SUCCESS";
      if (kind < 45) {
        actor = staff(random);
        role = "clinician";
        action = "MESSAGE_OPENED";
        resource = "message/" + random.nextInt(5_000_000);
      } else if (kind < 60) {
        actor = patient;
        role = "patient";
        action = "MESSAGE_SENT";
        resource = "message/" + random.nextInt(5_000_000);
      } else if (kind < 70) {
        actor = staff(random);
        role = "clinician";
        action = "MESSAGE_SENT";
        resource = "message/" + random.nextInt(5_000_000);
      } else if (kind < 85) {
        actor = random.nextBoolean() ? patient : staff(random);
        role = actor.startsWith("patient") ? "patient" : "clinician";
        action = "SIGN_IN";
        resource = null;
        patient = actor.startsWith("patient") ? actor : null;
      } else if (kind < 91) {
        actor = staff(random);
        role = "staff";
        action = "ATTACHMENT_DOWNLOADED";
        resource = "attachment/" + random.nextInt(1_000_000);
      } else if (kind < 95) {
        actor = staff(random);
        role = "clinician";
        action = "THREAD_DONE";
        resource = "thread/" + random.nextInt(2_000_000);
      } else if (kind < 98) {
        actor = random.nextBoolean() ? "patient." + random.nextInt(PATIENTS) : staff(random);
        role = actor.startsWith("patient") ? "patient" : "staff";
        action = "ACCESS_DENIED";
        resource = "/portal/api/v1/threads/" + random.nextInt(2_000_000);
        outcome = "DENIED";
      } else {
        actor = "auditor." + random.nextInt(5);
        role = "auditor";
        action = "AUDIT_SEARCH";
        resource = "patient=" + patient + " actor=null action=null from=null to=null page=0";
      }
      chunk
          .append(seq)
          .append(',')
          .append(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
          .append(',')
          .append(actor)
          .append(',')
          .append(role)
          .append(",,")
          .append(patient == null ? "" : patient)
          .append(',')
          .append(action)
          .append(',')
          .append(resource == null ? "" : '"' + resource + '"')
          .append(',')
          .append(outcome)
          .append(",10.")
          .append(random.nextInt(256))
          .append('.')
          .append(random.nextInt(256))
          .append('.')
          .append(random.nextInt(256))
          .append(",\"")
          .append(AGENTS[random.nextInt(AGENTS.length)])
          .append("\"\n");
      if (chunk.length() > (30 << 20) || seq == entries) {
        copy.copyIn(
            "copy audit_entry (seq, occurred_at, actor, actor_role, on_behalf_of, patient, action,"
                + " resource, outcome, client_address, user_agent) from stdin with (format csv)",
            new StringReader(chunk.toString()));
        chunk.setLength(0);
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("select setval('audit_entry_seq', " + (entries + 1) + ")");
    }
  }

  static String staff(Random random) {
    int n = random.nextInt(STAFF);
    return (n % 3 == 0 ? "nurse." : "dr.") + n;
  }

  /** Chains everything as the portal's sealer does, in its batches, a checkpoint after each. */
  static long seal(Connection c, AuditSigningKey key, CheckpointFile file)
      throws SQLException, IOException {
    ChainSealer sealer = new ChainSealer();
    long total = 0;
    int sealed;
    do {
      sealed = sealer.seal(c, 5_000, Instant.now());
      total += sealed;
      if (sealed > 0) {
        ChainSealer.Head head = ChainSealer.lockHead(c);
        Checkpoint checkpoint = key.sign(head.position(), head.hash(), Instant.now());
        file.append(checkpoint);
        ChainSealer.store(c, checkpoint);
      }
      c.commit();
    } while (sealed > 0);
    return total;
  }

  static void printSize(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select pg_size_pretty(pg_table_size('audit_entry')),"
                    + " pg_size_pretty(pg_indexes_size('audit_entry'))")) {
      rs.next();
      System.out.printf("table %s, indexes %s%n", rs.getString(1), rs.getString(2));
    }
  }

  /** The console's search by patient (AuditService.search): newest first, a page of 100. */
  static void search(Connection c, int page) throws SQLException {
    Random random = new Random(7);
    int runs = 2_000;
    long[] nanos = new long[runs];
    long rows = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "select seq, occurred_at, actor, actor_role, on_behalf_of, patient, action, resource,"
                + " outcome, client_address, user_agent, chain_position, chain_hash"
                + " from audit_entry where patient = ? order by seq desc"
                + " offset ? rows fetch first 100 rows only")) {
      for (int i = -200; i < runs; i++) {
        s.setString(1, "patient." + random.nextInt(PATIENTS));
        s.setInt(2, page * 100);
        long t = System.nanoTime();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rows++;
          }
        }
        if (i >= 0) {
          nanos[i] = System.nanoTime() - t;
        }
      }
    }
    c.rollback();
    Arrays.sort(nanos);
    System.out.printf(
        "search by patient, page %d (%,d rows read): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms,"
            + " max %.2f ms over %,d searches%n",
        page,
        rows,
        nanos[runs / 2] / 1e6,
        nanos[runs * 95 / 100] / 1e6,
        nanos[runs * 99 / 100] / 1e6,
        nanos[runs - 1] / 1e6,
        runs);
  }
}

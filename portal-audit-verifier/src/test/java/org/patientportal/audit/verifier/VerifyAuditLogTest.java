package org.patientportal.audit.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line verifier, run as a compliance officer would, against a real database. */
class VerifyAuditLogTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(TestLog log, String... extra) {
    String[] base = {
      "--url",
      log.url,
      "--user",
      log.user(),
      "--public-keys",
      log.publicKeys.toString(),
      "--checkpoints",
      log.file.path().toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    out.reset();
    err.reset();
    return VerifyAuditLog.run(
        args,
        "",
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void reportsAValidLogThenTheFirstChangedEntry() throws Exception {
    try (TestLog log = new TestLog(dir, "cli")) {
      log.write(60);
      log.seal(25);
      log.checkpoint();
      log.write(5);
      log.seal(25);

      assertEquals(VerifyAuditLog.VALID, run(log), out() + err);
      assertTrue(out().startsWith("VALID: 65 entries (positions 1 to 65)"), out());
      assertTrue(out().contains("Signed checkpoints checked: 1 (1 from the file)"), out());
      assertTrue(out().contains("Positions after 60 are not covered"), out());

      log.bypassProtection();
      long seq = log.seqAt(7);
      log.update("update audit_entry set actor = 'dr.nobody' where chain_position = 7");
      log.c.commit();
      assertEquals(VerifyAuditLog.TAMPERED, run(log), out() + err);
      assertTrue(
          out().startsWith("NOT VALID: ALTERED at position 7 (entry seq " + seq + ")."), out());
      assertTrue(out().contains("Entries checked before the problem: 6."), out());
      assertTrue(out().contains("Signed checkpoints in the file: 1."), out());
      assertFalse(out().contains("not covered"), "no coverage claims about a broken log: " + out());
    }
  }

  @Test
  void aCheckpointFileFromElsewhereIsCaught() throws Exception {
    try (TestLog log = new TestLog(dir, "cli_file")) {
      log.write(10);
      log.seal(10);
      log.checkpoint();
      // a checkpoint line signed by another key is appended to the file
      try (TestLog other = new TestLog(dir.resolve("other"), "cli_other")) {
        other.write(3);
        other.seal(3);
        Files.writeString(
            log.file.path(),
            other.checkpoint().line() + "\n",
            java.nio.file.StandardOpenOption.APPEND);
      }
      assertEquals(VerifyAuditLog.TAMPERED, run(log), out() + err);
      assertTrue(out().startsWith("NOT VALID: CHECKPOINT_MISMATCH at position 3."), out());
    }
  }

  /**
   * The demo on H2 and then on PostgreSQL: the checkpoint file of one database given with the
   * other. Before each line named its installation, this was reported as "entries were deleted".
   */
  @Test
  void aCheckpointFileOfAnotherDatabaseIsNamedAsSuchNotAsTampering() throws Exception {
    try (TestLog first = new TestLog(dir, "cli_first");
        TestLog second = new TestLog(dir, "cli_second")) {
      first.write(60);
      first.seal(25);
      first.checkpoint();
      second.write(20);
      second.seal(25);
      second.checkpoint();

      String[] firstsFile = {"--checkpoints", first.file.path().toString()};
      assertEquals(VerifyAuditLog.CANNOT_RUN, run(second, firstsFile), out() + err);
      assertTrue(
          out().startsWith("OTHER DATABASE: the checkpoint file belongs to another database"),
          out());
      assertTrue(out().contains("installation " + first.installation), out());
      assertTrue(out().contains("(installation " + second.installation + ")"), out());
      assertFalse(out().contains("NOT VALID"), out());
      assertFalse(out().contains("deleted"), out());

      // a real change in that database is still reported as what it is
      second.bypassProtection();
      second.update("update audit_entry set actor = 'dr.nobody' where chain_position = 5");
      second.c.commit();
      assertEquals(VerifyAuditLog.TAMPERED, run(second, firstsFile), out() + err);
      assertTrue(out().startsWith("NOT VALID: ALTERED at position 5"), out());
    }
  }

  @Test
  void twoDatabasesKeepSeparateCheckpoints() throws Exception {
    try (TestLog first = new TestLog(dir, "sep_first");
        TestLog second = new TestLog(dir, "sep_second")) {
      first.write(30);
      first.seal(30);
      first.checkpoint();
      second.write(10);
      second.seal(10);
      second.checkpoint();

      // the same data folder, a file of its own for each database
      assertFalse(first.installation.equals(second.installation));
      assertFalse(first.file.path().equals(second.file.path()));
      assertTrue(first.file.path().toString().contains(first.installation));
      assertTrue(Files.readString(first.file.path()).contains(first.installation));
      assertFalse(Files.readString(first.file.path()).contains(second.installation));
      assertEquals(VerifyAuditLog.VALID, run(first), out() + err);
      assertTrue(out().startsWith("VALID: 30 entries"), out());
      assertEquals(VerifyAuditLog.VALID, run(second), out() + err);
      assertTrue(out().startsWith("VALID: 10 entries"), out());
    }
  }

  @Test
  void cannotRunWithoutWhatItNeeds() throws Exception {
    try (TestLog log = new TestLog(dir, "cli_args")) {
      assertEquals(VerifyAuditLog.CANNOT_RUN, run(log, "--colour"));
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option --colour"));
      Files.writeString(log.publicKeys, "ed25519 0000000000000000 AAAA\n");
      assertEquals(VerifyAuditLog.CANNOT_RUN, run(log));
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not fit its key"));
    }
    assertEquals(
        VerifyAuditLog.CANNOT_RUN,
        VerifyAuditLog.run(
            new String[] {"--url", "jdbc:h2:mem:x"},
            null,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)));
  }

  @Test
  void postgresqlRefusesChangesToTheLogAndItsCheckpoints() throws Exception {
    try (TestLog log = new TestLog(dir, "refusals")) {
      assumeTrue(log.postgres, "the append-only trigger is PostgreSQL's");
      log.write(3);
      log.seal(3);
      log.checkpoint();
      String[] changes = {
        "update audit_entry set actor = 'x' where chain_position = 1",
        "update audit_entry set chain_hash = null, chain_position = null where chain_position = 2",
        "delete from audit_entry where chain_position = 3",
        "truncate audit_entry",
        "update audit_checkpoint set head_hash = null",
        "delete from audit_checkpoint"
      };
      for (String change : changes) {
        SQLException refused = assertThrows(SQLException.class, () -> log.update(change), change);
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        log.c.rollback();
      }
    }
  }
}

package org.patientportal.audit.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientportal.audit.control.ChainArchiver;
import org.patientportal.audit.entity.Archive;
import org.patientportal.audit.entity.ChainVerification;
import org.patientportal.audit.entity.ChainVerification.Kind;

/**
 * Retention: the oldest part of the chain goes to a signed archive file and leaves the database;
 * the rest still verifies across the boundary, the archive verifies on its own, and a deletion
 * dressed up as an archive is caught.
 */
class RetentionTest {

  @TempDir Path dir;

  private long count(TestLog log) throws SQLException {
    try (PreparedStatement s = log.c.prepareStatement("select count(*) from audit_entry");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Map<String, byte[]> keys(TestLog log) {
    return Map.of(log.key.keyId(), log.key.publicKey());
  }

  @Test
  void archivedEntriesLeaveTheDatabaseAndTheChainStillVerifies() throws Exception {
    try (TestLog log = new TestLog(dir, "retention")) {
      log.write(120);
      log.seal(50);
      log.checkpoint();
      log.write(30);
      log.seal(50);
      Path archives = dir.resolve("archive");

      Archive first =
          new ChainArchiver().archiveThrough(log.c, 100, archives, log.key, Instant.now());
      log.c.commit();
      assertEquals(1, first.first());
      assertEquals(100, first.last());
      assertEquals(100, first.entries());
      assertEquals(50, count(log));
      assertNull(ChainArchiver.checkFile(archives.resolve(first.fileName()), keys(log)));

      ChainVerification after = log.verify();
      assertTrue(after.valid(), () -> String.valueOf(after.problem()));
      assertEquals(101, after.firstPosition());
      assertEquals(150, after.lastPosition());
      assertEquals(50, after.entriesChecked());
      assertEquals(1, after.checkpointsChecked(), "the checkpoint at 120 is past the boundary");

      // a second run carries on where the first stopped; nothing more when all is archived
      Archive second =
          new ChainArchiver().archiveThrough(log.c, 1_000, archives, log.key, Instant.now());
      log.c.commit();
      assertEquals(101, second.first());
      assertEquals(150, second.last());
      assertNull(
          new ChainArchiver().archiveThrough(log.c, 1_000, archives, log.key, Instant.now()));
      assertEquals(0, count(log));
      log.write(3);
      log.seal(50);
      ChainVerification later = log.verify();
      assertTrue(later.valid(), () -> String.valueOf(later.problem()));
      assertEquals(151, later.firstPosition());
      assertEquals(153, later.lastPosition());

      // the command-line verifier checks archive files on their own
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code =
          VerifyAuditLog.run(
              new String[] {
                "--public-keys",
                log.publicKeys.toString(),
                "--archive",
                archives.resolve(first.fileName()).toString(),
                "--archive",
                archives.resolve(second.fileName()).toString()
              },
              null,
              new PrintStream(out, true, StandardCharsets.UTF_8),
              System.err);
      assertEquals(VerifyAuditLog.VALID, code, out.toString(StandardCharsets.UTF_8));

      // an archive file changed afterwards is caught
      Path file = archives.resolve(second.fileName());
      String text = Files.readString(file);
      Files.writeString(file, text.replaceFirst("\n[0-9a-f]", "\n0"));
      assertEquals(
          "The archive file was changed after it was signed.",
          ChainArchiver.checkFile(file, keys(log)));
    }
  }

  @Test
  void aDeletionDressedUpAsAnArchiveIsCaught() throws Exception {
    try (TestLog log = new TestLog(dir, "forged_archive")) {
      log.write(40);
      log.seal(40);
      log.checkpoint();
      log.bypassProtection();
      // the intruder removes positions 1-10 and records an "archive" without the audit key
      log.update(
          "insert into audit_archive (first_position, last_position, last_hash, entries,"
              + " file_name, file_sha256, signed_at, key_id, signature)"
              + " values (1, 10, ?, 10, 'x', ?, current_timestamp, ?, ?)",
          log.hashAt(10),
          new byte[32],
          log.key.keyId(),
          new byte[64]);
      log.update("delete from audit_entry where chain_position <= 10");
      ChainVerification found = log.verify();
      assertFalse(found.valid());
      assertEquals(Kind.CHECKPOINT_MISMATCH, found.problem().kind());
      assertEquals(1, found.problem().position());
      log.c.rollback();
      assertTrue(log.verify().valid());
    }
  }

  @Test
  void aBrokenChainIsNotArchived() throws Exception {
    try (TestLog log = new TestLog(dir, "broken")) {
      log.write(20);
      log.seal(20);
      log.bypassProtection();
      log.update("update audit_entry set actor = 'dr.nobody' where chain_position = 5");
      Path archives = dir.resolve("broken-archive");
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class,
              () ->
                  new ChainArchiver().archiveThrough(log.c, 10, archives, log.key, Instant.now()));
      assertTrue(refused.getMessage().contains("position 5"), refused.getMessage());
      log.c.rollback();
      assertEquals(20, count(log));
      assertNotNull(log.verify());
    }
  }

  @Test
  void onlyEntriesOlderThanTheCutoffExpire() throws Exception {
    try (TestLog log = new TestLog(dir, "expiry")) {
      log.write(30);
      log.seal(30);
      Instant middle;
      try (PreparedStatement s =
              log.c.prepareStatement(
                  "select occurred_at from audit_entry where chain_position = 21");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        middle = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
      }
      assertEquals(20, ChainArchiver.expiredThrough(log.c, middle));
      assertEquals(30, ChainArchiver.expiredThrough(log.c, middle.plusSeconds(365 * 86400L)));
      assertEquals(0, ChainArchiver.expiredThrough(log.c, Instant.EPOCH));
    }
  }
}

package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.it.support.Deployments;
import org.patientportal.messaging.boundary.MessagingGuidelines;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.StartThread;
import org.patientportal.records.boundary.MedicalRecord;
import org.patientportal.records.entity.FiledEntry;

/**
 * A filed record entry at rest: its snapshot (a message's subject and body, written with a unique
 * marker) is in no raw value of the record's row, while the entry read through the boundary holds
 * it (the positive control). The entry cannot change unseen: on PostgreSQL the database refuses an
 * update of its facts or a delete (only key rotation's re-wrap passes); on any database an entry
 * whose signature no longer fits its facts is refused when read.
 */
@ExtendWith(ArquillianExtension.class)
class RecordAtRestIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(RecordAtRestIT.class, AsPatient.class, AsClinician.class);
  }

  @EJB AsPatient asPatient;
  @EJB AsClinician asClinician;
  @EJB MessagingService messaging;
  @EJB MessagingGuidelines guidelines;
  @EJB MedicalRecord record;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  @Test
  void aFiledSnapshotIsSealedSignedAndAppendOnly() throws Exception {
    String marker = "filed" + UUID.randomUUID().toString().replace("-", "");
    long thread =
        asPatient.call(
            () -> {
              guidelines.accept(guidelines.guidelines("en").getSha256(), "en");
              return messaging.startThread(
                  new StartThread(
                      "dr.smith",
                      Category.TEST_RESULT,
                      "Subject " + marker,
                      "Body " + marker + " ends here.",
                      false,
                      List.of(),
                      null));
            });
    long entry = asClinician.call(() -> record.file(thread, null, null, null));

    FiledEntry read = asClinician.call(() -> record.entry(entry));
    assertTrue(read.isIntact());
    assertEquals("Body " + marker + " ends here.", read.getContent().messages().get(0).body());
    assertEquals("Subject " + marker, read.getSubject());

    List<String> columns = columnsHolding(entry, marker);
    assertEquals(List.of(), columns, "record_entry columns holding the marker");
    assertFalse(
        columnsHolding(entry, "dr.smith").isEmpty(), "the search finds a plain value of the row");

    if (postgresql()) {
      for (String change :
          List.of(
              "update record_entry set filed_by = 'someone' where id = ?",
              "update record_entry set snapshot_ciphertext = snapshot_nonce where id = ?",
              "delete from record_entry where id = ?")) {
        SQLException refused =
            assertThrows(SQLException.class, () -> execute(change, entry), change);
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
      }
      // key rotation's re-wrap (the wrapped key and its version only) passes
      assertEquals(
          1,
          execute(
              "update record_entry set snapshot_wrapped_key = snapshot_wrapped_key,"
                  + " snapshot_key_version = snapshot_key_version where id = ?",
              entry));
    } else {
      // H2 has no trigger: change a fact behind the portal's back, and the read refuses it
      execute("update record_entry set filed_by = 'dr.chen' where id = ?", entry);
      Exception refused =
          assertThrows(Exception.class, () -> asClinician.call(() -> record.entry(entry)));
      assertTrue(
          String.valueOf(refused).contains("ConflictException")
              || String.valueOf(refused.getCause()).contains("ConflictException"),
          "refused as a tampered entry: " + refused);
      execute("update record_entry set filed_by = 'dr.smith' where id = ?", entry);
      assertTrue(asClinician.call(() -> record.entry(entry)).isIntact(), "intact again");
    }
  }

  private boolean postgresql() throws SQLException {
    try (Connection c = database.getConnection()) {
      return c.getMetaData()
          .getDatabaseProductName()
          .toLowerCase(Locale.ROOT)
          .contains("postgresql");
    }
  }

  private int execute(String sql, long id) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      return s.executeUpdate();
    }
  }

  /** The columns of the entry's row whose raw value holds {@code text} (UTF-8 or UTF-16). */
  private List<String> columnsHolding(long id, String text) throws SQLException {
    List<String> found = new java.util.ArrayList<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select * from record_entry where id = " + id)) {
      assertTrue(rows.next(), "the entry's row");
      int columns = rows.getMetaData().getColumnCount();
      for (int i = 1; i <= columns; i++) {
        Object value = rows.getObject(i);
        boolean hit =
            value instanceof byte[] bytes
                ? holds(bytes, text.getBytes(StandardCharsets.UTF_8))
                    || holds(bytes, text.getBytes(StandardCharsets.UTF_16BE))
                    || holds(bytes, text.getBytes(StandardCharsets.UTF_16LE))
                : value != null && String.valueOf(value).contains(text);
        if (hit) {
          found.add(rows.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
        }
      }
    }
    return found;
  }

  private static boolean holds(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

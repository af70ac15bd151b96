package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.it.support.Deployments;

/**
 * On PostgreSQL (the production database, and CI's second run) the access log is append-only: the
 * database refuses UPDATE, DELETE and TRUNCATE of audit_entry, even to a superuser, and the entry
 * is unchanged. H2 (the demo's embedded database) has no such trigger: the test is skipped there
 * and runs in the PostgreSQL build.
 */
@ExtendWith(ArquillianExtension.class)
class AuditAppendOnlyIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(AuditAppendOnlyIT.class);
  }

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  @Test
  void theDatabaseRefusesToChangeOrRemoveAuditEntries() throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      boolean postgres =
          c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
      s.executeUpdate(
          "insert into audit_entry (seq, occurred_at, actor, action, outcome, client_address)"
              + " values (nextval('audit_entry_seq'), current_timestamp, 'append.only.test',"
              + " 'SIGN_IN', 'SUCCESS', 'internal')");
      long seq;
      try (ResultSet r =
          s.executeQuery("select max(seq) from audit_entry where actor = 'append.only.test'")) {
        assertTrue(r.next());
        seq = r.getLong(1);
      }
      if (!postgres) {
        assertEquals(
            1, s.executeUpdate("update audit_entry set resource = 'changed' where seq = " + seq));
        assertEquals(1, s.executeUpdate("delete from audit_entry where seq = " + seq));
        return;
      }
      for (String change :
          new String[] {
            "update audit_entry set actor = 'someone.else' where seq = " + seq,
            "delete from audit_entry where seq = " + seq,
            "truncate audit_entry"
          }) {
        SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(change));
        assertTrue(refused.getMessage().contains("append-only"), change + ": " + refused);
      }
      try (ResultSet r = s.executeQuery("select actor from audit_entry where seq = " + seq)) {
        assertTrue(r.next(), "the entry is still there");
        assertEquals("append.only.test", r.getString(1));
      }
    }
  }
}

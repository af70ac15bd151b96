package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
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
    return Deployments.portalServicesWith(AuditAppendOnlyIT.class, InTransaction.class);
  }

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  @EJB InTransaction tx;

  @Test
  void theDatabaseRefusesToChangeOrRemoveAuditEntries() throws Exception {
    boolean postgres;
    try (Connection c = database.getConnection()) {
      postgres =
          c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
    }
    if (!postgres) {
      // H2 lets the change through; in a transaction that rolls back, so that the hash chain,
      // which the portal keeps over the same table, never sees it
      tx.rollBack(
          () -> {
            try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
              long seq = insertEntry(s);
              assertEquals(
                  1,
                  s.executeUpdate(
                      "update audit_entry set resource = 'changed' where seq = " + seq));
              assertEquals(1, s.executeUpdate("delete from audit_entry where seq = " + seq));
            }
            return null;
          });
      return;
    }
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      long seq = insertEntry(s);
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

  private static long insertEntry(Statement s) throws SQLException {
    s.executeUpdate(
        "insert into audit_entry (seq, occurred_at, actor, action, outcome, client_address)"
            + " values (nextval('audit_entry_seq'), current_timestamp, 'append.only.test',"
            + " 'SIGN_IN', 'SUCCESS', 'internal')");
    try (ResultSet r =
        s.executeQuery("select max(seq) from audit_entry where actor = 'append.only.test'")) {
      assertTrue(r.next());
      return r.getLong(1);
    }
  }
}

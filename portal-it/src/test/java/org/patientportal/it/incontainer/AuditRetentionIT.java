package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.audit.boundary.AuditChain;
import org.patientportal.audit.control.AuditSigningKey;
import org.patientportal.audit.control.ChainArchiver;
import org.patientportal.audit.entity.Archive;
import org.patientportal.audit.entity.ChainVerification;
import org.patientportal.it.support.Deployments;

/**
 * Retention in the running portal: the chain's oldest entries go to a signed archive file outside
 * the database and are removed (on PostgreSQL past the append-only trigger, which lets a deletion
 * through only under an archive record), and the log still verifies from the boundary on.
 */
@ExtendWith(ArquillianExtension.class)
class AuditRetentionIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(
        AuditRetentionIT.class, AsAdmin.class, AsAuditor.class, InTransaction.class);
  }

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  @EJB AuditChain chain;
  @EJB AsAdmin asAdmin;
  @EJB AsAuditor asAuditor;

  @Test
  void theOldestEntriesAreArchivedSignedAndRemovedAndTheLogStillVerifies() throws Exception {
    chain.sealAll();
    ChainVerification before = chain.check();
    assertTrue(before.valid(), () -> String.valueOf(before.problem()));
    long through = before.firstPosition() + 4;

    Archive archive = asAdmin.call(() -> chain.archiveThrough(through));
    assertNotNull(archive);
    assertEquals(before.firstPosition(), archive.first());
    assertEquals(through, archive.last());
    assertEquals(5, archive.entries());
    assertNull(
        ChainArchiver.checkFile(
            chain.archiveDir().resolve(archive.fileName()),
            AuditSigningKey.readPublicKeys(chain.publicKeyFile())),
        "the archive file verifies on its own against its signed record");

    try (Connection c = database.getConnection()) {
      assertEquals(
          0, count(c, "select count(*) from audit_entry where chain_position <= " + through));
      assertEquals(
          1,
          count(
              c,
              "select count(*) from audit_entry where action = 'AUDIT_ARCHIVED' and resource like"
                  + " 'positions "
                  + archive.first()
                  + "-"
                  + archive.last()
                  + " %'"));
    }
    ChainVerification after = chain.check();
    assertTrue(after.valid(), () -> String.valueOf(after.problem()));
    assertEquals(through + 1, after.firstPosition());
  }

  @Test
  void nothingHasExpiredInANewPortal() {
    assertNull(chain.archiveExpired(), "every entry is younger than the six years kept");
  }

  @Test
  void onlyAnAdministratorArchivesBeforeTheRetentionPeriodEnds() {
    assertThrows(EJBAccessException.class, () -> asAuditor.call(() -> chain.archiveThrough(1)));
  }

  private static long count(Connection c, String sql) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

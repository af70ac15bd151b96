package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.audit.boundary.AuditChain;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.control.AuditSigningKey;
import org.patientportal.audit.control.ChainVerifier;
import org.patientportal.audit.control.CheckpointFile;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.audit.entity.ChainVerification;
import org.patientportal.audit.entity.Checkpoint;
import org.patientportal.it.support.Deployments;

/**
 * The hash chain in the running portal: the sealer chains what the portal writes, checkpoints are
 * signed into the file outside the database and into the database, and an entry changed in the
 * database (on PostgreSQL by a superuser who switched the append-only trigger off) is found.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(AuditChainIT.class, InTransaction.class, AsAuditor.class);
  }

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  @EJB AuditChain chain;
  @EJB InTransaction tx;
  @EJB AsAuditor asAuditor;
  @Inject AuditLog log;

  @Test
  void whatThePortalWritesIsChainedAndSignedOutsideTheDatabase() throws Exception {
    tx.commit(
        () ->
            log.record(
                "chain.test",
                "pat.jones",
                AuditAction.SIGN_IN,
                "chain-test",
                AuditOutcome.SUCCESS));
    chain.sealAll();
    Checkpoint signed = chain.checkpoint(true);
    assertNotNull(signed, "the head moved, so a checkpoint is signed");

    List<Checkpoint> inFile = new CheckpointFile(chain.checkpointFile()).read();
    Checkpoint last = inFile.get(inFile.size() - 1);
    assertEquals(signed.line(), last.line());
    ChainVerifier verifier =
        new ChainVerifier(AuditSigningKey.readPublicKeys(chain.publicKeyFile()));
    assertTrue(verifier.signatureValid(last), "signed with the key whose public half is published");
    assertTrue(Files.readString(chain.publicKeyFile()).contains(chain.keyId()));
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement("select head_hash from audit_checkpoint where chain_position = ?")) {
      s.setLong(1, signed.position());
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "the database holds the checkpoint too");
        assertArrayEquals(signed.headHash(), rs.getBytes(1));
      }
    }

    ChainVerification result = asAuditor.call(chain::verify);
    assertTrue(result.valid(), () -> String.valueOf(result.problem()));
    assertEquals(0, result.pending());
    assertTrue(result.lastCheckpoint() >= signed.position());
  }

  @Test
  void anEntryChangedInTheDatabaseIsFoundAndTheLogIsValidOnceRestored() throws Exception {
    tx.commit(
        () ->
            log.record(
                "chain.test", "sam.rivera", AuditAction.SIGN_IN, "tamper", AuditOutcome.SUCCESS));
    chain.sealAll();
    long position;
    long seq;
    String actor;
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select chain_position, seq, actor from audit_entry where chain_position ="
                    + " (select max(chain_position) from audit_entry where resource = 'tamper')")) {
      assertTrue(rs.next());
      position = rs.getLong(1);
      seq = rs.getLong(2);
      actor = rs.getString(3);
    }
    change(position, "an.intruder");
    try {
      ChainVerification found = asAuditor.call(chain::verify);
      assertFalse(found.valid());
      assertEquals(
          ChainVerification.Kind.ALTERED, found.problem().kind(), found.problem().detail());
      assertEquals(position, found.problem().position());
      assertEquals(seq, found.problem().seq());
    } finally {
      change(position, actor);
    }
    ChainVerification restored = chain.check();
    assertTrue(restored.valid(), () -> String.valueOf(restored.problem()));
  }

  /** Sets the actor of the entry at {@code position}, past PostgreSQL's append-only trigger. */
  private void change(long position, String actor) throws Exception {
    tx.commit(
        () -> {
          try (Connection c = database.getConnection()) {
            if (c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgresql")) {
              try (Statement s = c.createStatement()) {
                s.execute("set local session_replication_role = replica");
              }
            }
            try (PreparedStatement s =
                c.prepareStatement("update audit_entry set actor = ? where chain_position = ?")) {
              s.setString(1, actor);
              s.setLong(2, position);
              assertEquals(1, s.executeUpdate());
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
  }
}

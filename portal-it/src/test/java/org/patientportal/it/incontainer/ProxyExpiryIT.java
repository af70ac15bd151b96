package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.care.entity.ProxyGrant;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.it.support.Deployments;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.StartThread;
import org.patientportal.messaging.entity.ThreadListQuery;
import org.patientportal.proxy.boundary.ProxyGrants;
import org.patientportal.shared.entity.NotFoundException;

/**
 * A grant stops at its expiry (issue 11, point 1): sam.rivera lets chris.jones act for her in
 * messaging; he writes for her and lists her threads; once the grant's end has passed, each of his
 * calls for her (list, open, write, recipients) is not found and audited as ACCESS_DENIED, and he
 * no longer acts for her. The portal decides on its clock; instead of waiting, the test moves the
 * grant's end into the past in the database (what the passing of time would do), so nothing here
 * depends on timing.
 */
@ExtendWith(ArquillianExtension.class)
class ProxyExpiryIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(ProxyExpiryIT.class, AsSam.class, AsCaregiver.class);
  }

  @EJB AsSam asSam;
  @EJB AsCaregiver asCaregiver;
  @EJB ProxyGrants grants;
  @EJB MessagingService messaging;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  @Test
  void afterItsExpiryEveryCallIsRefusedAndAudited() throws Exception {
    ProxyGrant grant =
        asSam.call(
            () ->
                grants.grant(
                    "chris.jones",
                    EnumSet.of(ProxyScope.MESSAGING),
                    Instant.now().plus(1, ChronoUnit.DAYS)));
    long thread =
        asCaregiver.call(
            () ->
                messaging.startThread(
                    new StartThread(
                        "pool:breast-oncology",
                        Category.GENERAL,
                        "Antes del fin",
                        "Escribo por Sam",
                        false,
                        List.of(),
                        "sam.rivera",
                        null)));
    assertTrue(
        asCaregiver.call(() -> messaging.threads(list()).getThreads()).stream()
            .anyMatch(t -> t.getId() == thread),
        "his list for her holds the thread he wrote");
    assertEquals(1, acting(grant.getId()));

    Instant expired = Instant.now();
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement("update proxy_grant set expires_at = ? where id = ?")) {
      s.setTimestamp(1, Timestamp.from(expired.minusSeconds(1)));
      s.setLong(2, grant.getId());
      assertEquals(1, s.executeUpdate());
    }

    assertThrows(NotFoundException.class, () -> asCaregiver.call(() -> messaging.threads(list())));
    assertThrows(NotFoundException.class, () -> asCaregiver.call(() -> messaging.open(thread)));
    assertThrows(
        NotFoundException.class, () -> asCaregiver.call(() -> messaging.recipients("sam.rivera")));
    assertEquals(0, acting(grant.getId()));
    assertTrue(
        denied(expired) >= 3, "each refused call is audited as ACCESS_DENIED naming sam.rivera");
    // she still sees it, as expired (not revoked)
    ProxyGrant listed =
        asSam.call(() -> grants.given()).stream()
            .filter(g -> g.getId().equals(grant.getId()))
            .findFirst()
            .orElseThrow();
    assertFalse(listed.activeAt(Instant.now()));
    assertEquals(null, listed.getRevokedAt());
  }

  private static ThreadListQuery list() {
    return new ThreadListQuery(
        null, false, null, null, null, "sam.rivera", null, false, null, 100, null, null, null);
  }

  private long acting(long grantId) throws Exception {
    return asCaregiver.call(() -> grants.actingFor()).stream()
        .filter(g -> g.getId() == grantId)
        .count();
  }

  private int denied(Instant since) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from audit_entry where actor = 'chris.jones'"
                    + " and patient = 'sam.rivera' and action = 'ACCESS_DENIED'"
                    + " and occurred_at >= ?")) {
      s.setTimestamp(1, Timestamp.from(since));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}

package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditQuery;
import org.patientportal.identity.boundary.IdentityService;
import org.patientportal.identity.entity.PortalUser;
import org.patientportal.it.support.Deployments;
import org.patientportal.shared.entity.InvalidInputException;

/** The identity boundary inside WildFly: its transactions, its security and its audit entries. */
@ExtendWith(ArquillianExtension.class)
class IdentityServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(
        IdentityServiceIT.class, AsPatient.class, AsAuditor.class);
  }

  @EJB IdentityService identity;
  @EJB AuditService audit;
  @EJB AsPatient asPatient;
  @EJB AsAuditor asAuditor;

  @Test
  void anAnonymousCallerIsRefused() {
    assertThrows(EJBAccessException.class, () -> identity.me());
    assertThrows(EJBAccessException.class, () -> identity.signIn("Someone", null));
  }

  @Test
  void signingInRecordsTheCallerAndAuditsIt() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    PortalUser user = asPatient.call(() -> identity.signIn("Pat Jones", "pat.jones@portal.test"));
    assertEquals(
        "pat.jones", user.getUsername(), "the username is the caller's, never a parameter");
    assertEquals("Pat Jones", user.getDisplayName());
    assertNotNull(user.getLastSignInAt());
    assertEquals(List.of("patient"), asPatient.call(() -> identity.myRoles()));

    List<AuditEntry> entries =
        asAuditor.call(
            () ->
                audit.search(
                    new AuditQuery(null, "pat.jones", AuditAction.SIGN_IN, before, null, 0, 10)));
    assertTrue(
        entries.stream().anyMatch(e -> e.getResource().equals("portal-user/pat.jones")),
        "a SIGN_IN entry for pat.jones");
  }

  @Test
  void aRefusedLanguageChangesNothing() throws Exception {
    asPatient.call(() -> identity.signIn("Pat Jones", "pat.jones@portal.test"));
    String before = asPatient.call(() -> identity.me().getPreferredLanguage());
    assertThrows(
        InvalidInputException.class, () -> asPatient.call(() -> identity.preferLanguage("fr")));
    assertEquals(before, asPatient.call(() -> identity.me().getPreferredLanguage()));
  }

  @Test
  void aPatientMayNotSearchTheAuditLog() {
    assertThrows(
        EJBAccessException.class,
        () ->
            asPatient.call(
                () -> audit.search(new AuditQuery(null, null, null, null, null, 0, 10))));
  }
}

package org.patientportal.it.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.enrollment.boundary.Enrollments;
import org.patientportal.enrollment.entity.Delivery;
import org.patientportal.enrollment.entity.EnrollmentAttempt;
import org.patientportal.enrollment.entity.EnrollmentCode;
import org.patientportal.enrollment.entity.EnrollmentKind;
import org.patientportal.enrollment.entity.EnrollmentResult;
import org.patientportal.enrollment.entity.IssuedCode;
import org.patientportal.enrollment.entity.Registration;
import org.patientportal.it.incontainer.AsNurse;
import org.patientportal.it.incontainer.InTransaction;
import org.patientportal.it.support.Deployments;
import org.patientportal.platform.boundary.RequestOrigin;

/**
 * Time and addresses the test chooses, in the container (no waiting, no sleeps): a code issued
 * longer ago than its validity is refused with the same answer as any other refusal and audited as
 * expired; refusals from one client address (a made-up one, so the tests' own 127.0.0.1 keeps its
 * allowance) are rate-limited once the configured number is reached, whatever the code and email.
 */
@ExtendWith(ArquillianExtension.class)
class EnrollmentExpiryIT {

  static final LocalDate BIRTH = LocalDate.of(1958, 11, 2);

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(
        EnrollmentExpiryIT.class, AsNurse.class, InTransaction.class);
  }

  @EJB AsNurse asNurse;
  @EJB InTransaction tx;
  @EJB Enrollments enrollments;
  @Inject RequestOrigin origin;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Test
  void aCodePastItsValidityIsRefusedAndAuditedAsExpired() throws Exception {
    String email = "expired-" + UUID.randomUUID().toString().substring(0, 8) + "@portal.test";
    // longer ago than any validity the server may be configured with (14 days by default)
    Instant issuedAt = Instant.now().minus(Duration.ofDays(400));
    IssuedCode issued =
        asNurse.call(
            () ->
                enrollments.issueAt(
                    new Registration(
                        EnrollmentKind.PATIENT,
                        "Old",
                        "Code",
                        BIRTH,
                        email,
                        "MRN-" + UUID.randomUUID().toString().substring(0, 8),
                        Delivery.PRINT),
                    issuedAt));
    assertTrue(issued.expiresAt().isBefore(Instant.now()));
    origin.set("198.51.100." + (1 + (int) (Math.random() * 250)), "EnrollmentExpiryIT");

    EnrollmentResult result =
        enrollments.enroll(new EnrollmentAttempt(issued.code(), BIRTH, email));

    assertEquals(EnrollmentResult.Outcome.REFUSED, result.outcome());
    EnrollmentCode code = tx.commit(() -> em.find(EnrollmentCode.class, issued.id()));
    assertEquals(null, code.getUsedAt());
    List<?> audited =
        tx.commit(
            () ->
                em.createQuery(
                        "select e.resource from AuditEntry e where e.action = :action"
                            + " and e.resource = :resource")
                    .setParameter(
                        "action", org.patientportal.audit.entity.AuditAction.ENROLLMENT_REFUSED)
                    .setParameter("resource", EnrollmentCode.sealOwner(issued.id()) + " expired")
                    .getResultList());
    assertEquals(1, audited.size(), "the refusal is audited with its reason, expired");
  }

  @Test
  void refusalsFromOneAddressAreRateLimited() {
    // the server's limit (portal-it's pom sets it): refusals until it answers "wait"
    int limit = Integer.getInteger("enrollment.address-failures", 60);
    origin.set("203.0.113." + (1 + (int) (Math.random() * 250)), "EnrollmentExpiryIT");
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < limit; i++) {
      EnrollmentResult refused =
          enrollments.enroll(
              new EnrollmentAttempt(
                  "QQQQ-QQQQ-" + String.format("%04d", i), BIRTH, run + "-" + i + "@portal.test"));
      assertEquals(EnrollmentResult.Outcome.REFUSED, refused.outcome(), "attempt " + i);
    }
    EnrollmentResult limited =
        enrollments.enroll(
            new EnrollmentAttempt("QQQQ-QQQQ-QQQQ", BIRTH, run + "-next@portal.test"));
    assertEquals(EnrollmentResult.Outcome.RATE_LIMITED, limited.outcome());
    assertTrue(limited.retryAfter().toMinutes() > 0);
  }
}

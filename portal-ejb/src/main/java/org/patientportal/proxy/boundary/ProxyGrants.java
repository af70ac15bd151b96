package org.patientportal.proxy.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.care.boundary.Proxies;
import org.patientportal.care.entity.ProxyGrant;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.Roles;
import org.patientportal.platform.boundary.Ids;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * Proxy access, given and ended: a patient lets a caregiver act for them (scopes and an expiry of
 * at most a year and a day) and revokes it; staff of a pool that cares for a patient set one up for
 * a minor or a patient who cannot (with a reason, up to two years and a day) and revoke it; a
 * caregiver lists whom they may act for. A new grant to the same caregiver replaces the one in
 * force. Each grant and revocation is audited; anything refused is not found, audited as
 * ACCESS_DENIED.
 */
@Stateless
public class ProxyGrants {

  private static final String NOT_FOUND = "{care.proxy.notFound}";

  @Resource SessionContext session;
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Ids ids;
  @Inject AuditLog audit;
  @EJB AuditService auditService;
  @Inject People people;
  @Inject CareDirectory care;
  @Inject Proxies proxies;

  // --- the patient

  /** The grants the calling patient gave (and staff gave for them), newest first. */
  @RolesAllowed(Roles.PATIENT)
  public List<ProxyGrant> given() {
    return ofPatient(caller());
  }

  /** The calling patient lets {@code proxy} act for them. */
  @RolesAllowed(Roles.PATIENT)
  public ProxyGrant grant(String proxy, Set<ProxyScope> scopes, Instant expiresAt) {
    return create(caller(), proxy, scopes, expiresAt, null);
  }

  /** The calling patient ends one of their grants. */
  @RolesAllowed(Roles.PATIENT)
  public ProxyGrant revoke(long id) {
    return end(caller(), id);
  }

  // --- the caregiver

  /** The grants the calling caregiver holds now: whom they may act for, in what, until when. */
  @RolesAllowed(Roles.PROXY)
  public List<ProxyGrant> actingFor() {
    return proxies.activeOf(caller());
  }

  // --- staff, for a patient of their pools

  /** The grants of a patient a pool of the calling staff member cares for. */
  @RolesAllowed(Roles.STAFF)
  public List<ProxyGrant> ofPatientForStaff(String patient) {
    requireCaredFor(patient);
    return ofPatient(patient);
  }

  /** Staff let {@code proxy} act for {@code patient}, for the recorded {@code reason}. */
  @RolesAllowed(Roles.STAFF)
  public ProxyGrant grantForPatient(
      String patient, String proxy, Set<ProxyScope> scopes, Instant expiresAt, String reason) {
    requireCaredFor(patient);
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "{care.proxy.reason.required}");
    }
    return create(patient, proxy, scopes, expiresAt, reason);
  }

  /** Staff end a grant of a patient their pools care for. */
  @RolesAllowed(Roles.STAFF)
  public ProxyGrant revokeForPatient(String patient, long id) {
    requireCaredFor(patient);
    return end(patient, id);
  }

  // --- the rules

  private List<ProxyGrant> ofPatient(String patient) {
    return em.createNamedQuery(ProxyGrant.OF_PATIENT, ProxyGrant.class)
        .setParameter("patient", patient)
        .setMaxResults(200)
        .getResultList();
  }

  private ProxyGrant create(
      String patient, String proxy, Set<ProxyScope> scopes, Instant expiresAt, String reason) {
    String me = caller();
    String to = proxy == null ? "" : proxy.strip();
    if (to.isEmpty()) {
      throw new InvalidInputException("proxy", "{care.proxy.required}");
    }
    Instant now = clock.instant();
    // the entity checks scopes, expiry and reason before anyone is asked about the caregiver
    ProxyGrant grant =
        new ProxyGrant(
            ids.next("proxy_grant_seq"), patient, to, scopes, expiresAt, me, now, reason);
    if (!people.isPortalUserWithRole(to, Roles.PROXY)) {
      throw new InvalidInputException("proxy", "{care.proxy.notProxy}");
    }
    for (ProxyGrant old : proxies.activeOf(to)) {
      if (old.getPatient().equals(patient)) {
        old.revoke(me, now);
        audit.record(
            me,
            patient,
            AuditAction.PROXY_REVOKED,
            "proxy-grant/" + old.getId() + " replaced",
            AuditOutcome.SUCCESS);
      }
    }
    em.persist(grant);
    audit.record(
        me,
        patient,
        AuditAction.PROXY_GRANTED,
        "proxy-grant/" + grant.getId() + " to " + to + " " + grant.getScopes(),
        AuditOutcome.SUCCESS);
    return grant;
  }

  private ProxyGrant end(String patient, long id) {
    ProxyGrant grant = em.find(ProxyGrant.class, id);
    if (grant == null || !grant.getPatient().equals(patient)) {
      throw deny("proxy-grant/" + id, patient);
    }
    grant.revoke(caller(), clock.instant());
    audit.record(
        caller(), patient, AuditAction.PROXY_REVOKED, "proxy-grant/" + id, AuditOutcome.SUCCESS);
    return grant;
  }

  private void requireCaredFor(String patient) {
    if (patient == null
        || Collections.disjoint(care.poolCodesCaringFor(patient), care.poolsOf(caller()))) {
      throw deny("patient/" + patient + "/proxies", patient);
    }
  }

  private NotFoundException deny(String resource, String patient) {
    auditService.recordDenied(resource, patient);
    return new NotFoundException(NOT_FOUND);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}

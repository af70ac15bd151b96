package org.patientportal.care.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.patientportal.care.entity.ProxyGrant;
import org.patientportal.care.entity.ProxyScope;

/**
 * Whom a caregiver may act for, and in what: other features' boundaries ask it (in their
 * transaction, on the application's clock) before they let a proxy read or write for a patient; the
 * refusing and auditing stays theirs.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Proxies {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** The grant that lets {@code proxy} do what {@code scope} covers for {@code patient} now. */
  public Optional<ProxyGrant> grant(String proxy, String patient, ProxyScope scope) {
    if (proxy == null || patient == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(ProxyGrant.BETWEEN, ProxyGrant.class)
        .setParameter("proxy", proxy)
        .setParameter("patient", patient)
        .setParameter("now", clock.instant())
        .getResultStream()
        .filter(g -> g.allows(scope, clock.instant()))
        .findFirst();
  }

  /** Whether {@code proxy} may do what {@code scope} covers for {@code patient} now. */
  public boolean mayActFor(String proxy, String patient, ProxyScope scope) {
    return grant(proxy, patient, scope).isPresent();
  }

  /** The grants {@code proxy} holds now (neither revoked nor expired), newest first. */
  public List<ProxyGrant> activeOf(String proxy) {
    return em.createNamedQuery(ProxyGrant.OF_PROXY, ProxyGrant.class)
        .setParameter("proxy", proxy)
        .getResultStream()
        .filter(g -> g.activeAt(clock.instant()))
        .toList();
  }
}

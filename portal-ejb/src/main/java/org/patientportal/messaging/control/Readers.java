package org.patientportal.messaging.control;

import jakarta.ejb.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.patientportal.care.boundary.Addressing;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.care.boundary.Proxies;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.identity.entity.Roles;

/**
 * The caller's authority over threads, built one way for every messaging boundary: the roles the
 * container gives them, their pools and the colleagues they cover (each looked up when first
 * asked), whom each thread was forwarded to, and, for staff, the clinicians of their pools whose
 * threads they process while the hospital is open (its business calendar, {@link
 * TurnaroundPolicy#calendar()}, on the injectable clock).
 */
@ApplicationScoped
public class Readers {

  @Inject CareDirectory care;
  @Inject Addressing addressing;
  @Inject ThreadQueries threads;
  @Inject TurnaroundPolicy turnaround;
  @Inject Clock clock;
  @Inject Proxies proxies;

  /** Who may read, list and work which thread: every rule of {@link ThreadAccess}. */
  public ThreadAccess of(SessionContext session) {
    String me = session.getCallerPrincipal().getName();
    return withPoolStaff(
            new ThreadAccess(
                me, roles(session), () -> care.poolsOf(me), () -> addressing.coveredBy(me)))
        .withForwards(threads::forwardAddresses)
        .withProxyGrants(patient -> proxies.mayActFor(me, patient, ProxyScope.MESSAGING));
  }

  /**
   * Who may claim, release and assign a thread: the thread's own care team, which is its pool's or
   * addressed clinician's members (a staff member of it in business hours too), or whom it was
   * given to; a cover or a forward lets one read and answer a thread, not take it.
   */
  public ThreadAccess handlerOf(SessionContext session) {
    String me = session.getCallerPrincipal().getName();
    return withPoolStaff(new ThreadAccess(me, roles(session), () -> care.poolsOf(me)));
  }

  /** The staff rule of both: the reader's pools' clinicians, in business hours. */
  private ThreadAccess withPoolStaff(ThreadAccess access) {
    String me = access.reader();
    return access.withPoolStaff(
        this::businessHours, () -> care.cliniciansStaffedBy(me), care::poolCodesCaringFor);
  }

  /** Whether the hospital is open now. */
  boolean businessHours() {
    return turnaround.calendar().isOpen(clock.instant());
  }

  private static Set<String> roles(SessionContext session) {
    return Roles.ALL.stream().filter(session::isCallerInRole).collect(Collectors.toSet());
  }
}

package org.patientportal.messaging.control;

import jakarta.ejb.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Collectors;
import org.patientportal.care.boundary.Addressing;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.identity.entity.Roles;

/**
 * The caller's authority over threads, built one way for every messaging boundary: the roles the
 * container gives them, their pools and the colleagues they cover (each looked up when first
 * asked), and whom each thread was forwarded to.
 */
@ApplicationScoped
public class Readers {

  @Inject CareDirectory care;
  @Inject Addressing addressing;
  @Inject ThreadQueries threads;

  public ThreadAccess of(SessionContext session) {
    String me = session.getCallerPrincipal().getName();
    Set<String> roles =
        Roles.ALL.stream().filter(session::isCallerInRole).collect(Collectors.toSet());
    return new ThreadAccess(me, roles, () -> care.poolsOf(me), () -> addressing.coveredBy(me))
        .withForwards(threads::forwardAddresses);
  }
}

package org.patientportal.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.patientportal.identity.entity.PortalUser;
import org.patientportal.identity.entity.Roles;
import org.patientportal.identity.entity.SignedIn;
import org.patientportal.shared.entity.NotFoundException;

/**
 * The signed-in person's own record. The username always comes from the authenticated caller, never
 * from a parameter, so nobody can act on another person's record through this boundary.
 */
@Stateless
@RolesAllowed({
  Roles.PATIENT,
  Roles.PROXY,
  Roles.CLINICIAN,
  Roles.STAFF,
  Roles.COMMUNICATIONS,
  Roles.AUDITOR,
  Roles.ADMIN
})
public class IdentityService {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<SignedIn> signedIn;
  @Inject People people;
  @Resource SessionContext session;

  /**
   * Records a sign-in with the name and email Keycloak vouches for, creating the caller's record at
   * their first sign-in, and announces it ({@link SignedIn}: the access log records it in this
   * transaction).
   */
  public PortalUser signIn(String displayName, String email) {
    String username = caller();
    PortalUser user =
        people
            .find(username)
            .orElseGet(
                () -> {
                  PortalUser created =
                      new PortalUser(username, displayName, email, clock.instant());
                  em.persist(created);
                  return created;
                });
    user.signedIn(displayName, email, clock.instant());
    people.forgetName(username);
    signedIn.fire(new SignedIn(user.getUsername()));
    return user;
  }

  /** The caller's record; it exists once they have signed in. */
  public PortalUser me() {
    return people
        .find(caller())
        .orElseThrow(() -> new NotFoundException("You have not signed in to the portal yet."));
  }

  /** The caller's portal roles, in menu order. */
  public List<String> myRoles() {
    return Roles.ALL.stream().filter(session::isCallerInRole).toList();
  }

  /** Chooses the caller's language; null follows the browser's. */
  public PortalUser preferLanguage(String language) {
    PortalUser user = me();
    user.preferLanguage(language);
    return user;
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}

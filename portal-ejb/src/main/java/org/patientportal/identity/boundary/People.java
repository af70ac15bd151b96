package org.patientportal.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.patientportal.identity.control.RealmRoles;
import org.patientportal.identity.entity.PortalUser;

/**
 * How other features name people: the portal's records of them, looked up in bulk. It runs in the
 * caller's transaction (or none) and leaves authorisation to the calling boundary.
 *
 * <p>Display names are shown on every thread opened and listed, and change only when Keycloak's
 * copy changes (taken at the next sign-in); they are remembered for {@link #NAME_LIFETIME}, at most
 * {@link #NAMES_REMEMBERED} of them, and forgotten at once on this node when a sign-in may have
 * changed one ({@link #forgetName}). A name is never used to decide who may see what.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class People {

  static final Duration NAME_LIFETIME = Duration.ofMinutes(5);
  static final int NAMES_REMEMBERED = 50_000;

  private record RememberedName(String name, Instant until) {}

  private final Map<String, RememberedName> names = new ConcurrentHashMap<>();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject RealmRoles realmRoles;

  public Optional<PortalUser> find(String username) {
    return em.createNamedQuery(PortalUser.BY_USERNAME, PortalUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /** Display names by username; a username without a record maps to itself. */
  public Map<String, String> displayNames(Collection<String> usernames) {
    Map<String, String> found = new HashMap<>();
    if (usernames.isEmpty()) {
      return found;
    }
    Instant now = clock.instant();
    List<String> unknown = new ArrayList<>();
    for (String username : usernames) {
      RememberedName remembered = names.get(username);
      if (remembered != null && remembered.until().isAfter(now)) {
        found.put(username, remembered.name());
      } else {
        unknown.add(username);
      }
    }
    if (unknown.isEmpty()) {
      return found;
    }
    if (names.size() > NAMES_REMEMBERED) {
      names.clear();
    }
    Instant until = now.plus(NAME_LIFETIME);
    for (Object[] row :
        em.createQuery(
                "select u.username, u.displayName from PortalUser u where u.username in :names",
                Object[].class)
            .setParameter("names", unknown)
            .getResultList()) {
      String username = (String) row[0];
      String name = (String) row[1];
      found.put(username, name);
      names.put(username, new RememberedName(name, until));
    }
    unknown.forEach(u -> found.putIfAbsent(u, u));
    return found;
  }

  /**
   * Whether {@code username} is a person of the portal (they have a record) to whom Keycloak gives
   * the realm role {@code role} now. Asks Keycloak (the roles are never copied here): for the rare
   * administrative checks, never for deciding who sees what on each request.
   *
   * @throws org.patientportal.shared.entity.UnavailableException when Keycloak cannot be asked
   */
  public boolean isPortalUserWithRole(String username, String role) {
    if (username == null || find(username).isEmpty()) {
      return false;
    }
    return realmRoles.of(username).map(roles -> roles.contains(role)).orElse(false);
  }

  /** Forgets the remembered display name of {@code username} (after a sign-in may change it). */
  public void forgetName(String username) {
    names.remove(username);
  }

  /** The medical record numbers of those of {@code usernames} who have one, by username. */
  public Map<String, String> medicalRecordNumbers(Collection<String> usernames) {
    Map<String, String> numbers = new HashMap<>();
    if (usernames.isEmpty()) {
      return numbers;
    }
    for (Object[] row :
        em.createQuery(
                "select u.username, u.mrn from PortalUser u"
                    + " where u.username in :names and u.mrn is not null",
                Object[].class)
            .setParameter("names", usernames)
            .getResultList()) {
      numbers.put((String) row[0], (String) row[1]);
    }
    return numbers;
  }
}

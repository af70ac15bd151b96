package org.patientportal.care.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.PoolMember;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.care.entity.Team;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.Roles;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * Care-team administration, for administrators only (anyone else is refused by the container, and
 * the refusal audited by the caller's edge): create teams, rename them, name their lead, add and
 * remove members (clinicians and staff) and the patients they care for. A team's code never
 * changes. Members and patients must be people of the portal whom Keycloak gives the matching role
 * ({@link People#isPortalUserWithRole}); a lead must be a member. Every change is announced as a
 * {@link CareChange} in its transaction, which the access log records.
 *
 * <p>Nothing about care teams is cached: {@link CareDirectory} and {@link Addressing} read the
 * tables in each sender's transaction, so a change counts for the next message sent.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class CareTeamAdmin {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final String NOT_FOUND = "{care.team.notFound}";

  @PersistenceContext EntityManager em;
  @Inject People people;
  @Inject Event<CareChange> changes;
  @Resource SessionContext session;

  /** Every team, by name. */
  public List<Team> teams() {
    List<CarePool> pools =
        em.createQuery("select p from CarePool p order by p.name, p.code", CarePool.class)
            .getResultList();
    Set<String> usernames = new HashSet<>();
    for (CarePool p : pools) {
      p.getMembers().forEach(m -> usernames.add(m.getUsername()));
      usernames.addAll(p.getPatients());
    }
    Map<String, String> names = people.displayNames(usernames);
    return pools.stream().map(p -> team(p, names)).toList();
  }

  /** The team of code {@code code}. */
  public Team team(String code) {
    return named(pool(code));
  }

  /** Creates a team with no members and no patients yet. */
  public Team create(String code, String name) {
    String c = code == null ? "" : code.strip();
    if (!CODE.matcher(c).matches()) {
      throw new InvalidInputException("code", "{care.team.code.invalid}");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "{care.team.name.required}");
    }
    if (name.strip().length() > 200) {
      throw new InvalidInputException("name", "{care.team.name.tooLong}", Map.of("max", 200));
    }
    if (!em.createNamedQuery(CarePool.BY_CODE, CarePool.class)
        .setParameter("code", c)
        .getResultList()
        .isEmpty()) {
      throw new ConflictException("team-exists", "{care.team.code.taken}");
    }
    CarePool pool = new CarePool(c, name);
    em.persist(pool);
    announce(null, CareChange.Kind.TEAM_CREATED, "team/" + c);
    return named(pool);
  }

  /**
   * Renames a team and names its lead (null or empty: none).
   *
   * @param code the team's code, from the address
   * @param newCode the code the request names, if any: it must be the team's own
   */
  public Team change(String code, String newCode, String name, String lead) {
    CarePool pool = pool(code);
    if (newCode != null && !newCode.strip().equals(pool.getCode())) {
      throw new InvalidInputException("code", "{care.team.code.immutable}");
    }
    List<String> what = new ArrayList<>();
    if (name != null) {
      if (name.isBlank()) {
        throw new InvalidInputException("name", "{care.team.name.required}");
      }
      if (name.strip().length() > 200) {
        throw new InvalidInputException("name", "{care.team.name.tooLong}", Map.of("max", 200));
      }
      if (!name.strip().equals(pool.getName())) {
        pool.rename(name);
        what.add("name");
      }
    }
    String newLead = lead == null || lead.isBlank() ? null : lead.strip();
    if (newLead != null && !pool.hasMember(newLead)) {
      throw new InvalidInputException("lead", "{care.team.lead.notMember}");
    }
    if (!java.util.Objects.equals(newLead, pool.getLead())) {
      pool.setLead(newLead);
      what.add("lead=" + (newLead == null ? "" : newLead));
    }
    if (!what.isEmpty()) {
      announce(null, CareChange.Kind.TEAM_CHANGED, "team/" + code + " " + String.join(" ", what));
    }
    return named(pool);
  }

  /**
   * Adds {@code username} to a team as {@code role} (or changes their role), who must be a person
   * of the portal with the realm role of the same name.
   */
  public Team addMember(String code, String username, PoolRole role) {
    CarePool pool = pool(code);
    if (role == null) {
      throw new InvalidInputException("role", "{care.team.role.required}");
    }
    String user = username == null ? "" : username.strip();
    String realmRole = role == PoolRole.CLINICIAN ? Roles.CLINICIAN : Roles.STAFF;
    if (user.isEmpty() || !people.isPortalUserWithRole(user, realmRole)) {
      throw new InvalidInputException(
          "username",
          role == PoolRole.CLINICIAN
              ? "{care.team.member.notClinician}"
              : "{care.team.member.notStaff}");
    }
    if (role != pool.roleOf(user)) {
      pool.addMember(user, role);
      announce(
          null, CareChange.Kind.TEAM_MEMBER_ADDED, "team/" + code + "/member/" + user + " " + role);
    }
    return named(pool);
  }

  /** Takes {@code username} off a team; the lead cannot leave (name another first). */
  public Team removeMember(String code, String username) {
    CarePool pool = pool(code);
    if (username == null || !pool.hasMember(username)) {
      throw new NotFoundException("{care.team.member.notFound}");
    }
    if (username.equals(pool.getLead())) {
      throw new InvalidInputException("username", "{care.team.member.isLead}");
    }
    pool.removeMember(username);
    announce(null, CareChange.Kind.TEAM_MEMBER_REMOVED, "team/" + code + "/member/" + username);
    return named(pool);
  }

  /** The team now cares for {@code username}, who must be a patient of the portal. */
  public Team addPatient(String code, String username) {
    CarePool pool = pool(code);
    String user = username == null ? "" : username.strip();
    if (user.isEmpty() || !people.isPortalUserWithRole(user, Roles.PATIENT)) {
      throw new InvalidInputException("username", "{care.team.patient.notPatient}");
    }
    if (!pool.caresFor(user)) {
      pool.addPatient(user);
      announce(user, CareChange.Kind.TEAM_PATIENT_ADDED, "team/" + code + "/patient/" + user);
    }
    return named(pool);
  }

  /** The team no longer cares for {@code username}. */
  public Team removePatient(String code, String username) {
    CarePool pool = pool(code);
    if (username == null || !pool.removePatient(username)) {
      throw new NotFoundException("{care.team.patient.notFound}");
    }
    announce(
        username, CareChange.Kind.TEAM_PATIENT_REMOVED, "team/" + code + "/patient/" + username);
    return named(pool);
  }

  private CarePool pool(String code) {
    return em.createNamedQuery(CarePool.BY_CODE, CarePool.class)
        .setParameter("code", code == null ? "" : code)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException(NOT_FOUND));
  }

  private Team named(CarePool pool) {
    Set<String> usernames = new HashSet<>(pool.getPatients());
    pool.getMembers().forEach(m -> usernames.add(m.getUsername()));
    return team(pool, people.displayNames(usernames));
  }

  private static Team team(CarePool pool, Map<String, String> names) {
    List<Team.Person> members =
        pool.getMembers().stream()
            .sorted(
                Comparator.comparing(PoolMember::getRole).thenComparing(PoolMember::getUsername))
            .map(m -> new Team.Person(m.getUsername(), names.get(m.getUsername()), m.getRole()))
            .toList();
    List<Team.Person> patients =
        sorted(pool.getPatients()).stream()
            .map(p -> new Team.Person(p, names.get(p), null))
            .toList();
    return new Team(pool.getCode(), pool.getName(), pool.getLead(), members, patients);
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }

  private void announce(String patient, CareChange.Kind kind, String resource) {
    changes.fire(new CareChange(session.getCallerPrincipal().getName(), patient, kind, resource));
  }
}

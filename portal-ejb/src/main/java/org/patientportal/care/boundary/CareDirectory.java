package org.patientportal.care.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.patientportal.care.entity.AwayPeriod;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.CareRecipient;
import org.patientportal.care.entity.PoolMember;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.identity.boundary.People;

/**
 * Who is on whose care team. Other features' boundaries ask it before they let anyone address or
 * read a patient's messages; it runs in their transaction and leaves authorisation to them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CareDirectory {

  @PersistenceContext EntityManager em;
  @Inject People people;

  /** The pools that care for {@code patient}, by name. */
  public List<CarePool> poolsCaringFor(String patient) {
    return em.createNamedQuery(CarePool.CARING_FOR, CarePool.class)
        .setParameter("patient", patient)
        .getResultList();
  }

  /** The pool of code {@code code}, if it cares for {@code patient}: one query, no members read. */
  public Optional<CarePool> poolCaringFor(String patient, String code) {
    return em.createQuery(
            "select p from CarePool p where p.code = :code and :patient member of p.patients",
            CarePool.class)
        .setParameter("code", code)
        .setParameter("patient", patient)
        .getResultStream()
        .findFirst();
  }

  /**
   * The name of the first pool (by name) caring for {@code patient} in which {@code clinician}
   * works as a clinician, if any: one query, for addressing a message without loading the care
   * team.
   */
  public Optional<String> clinicianPoolCaringFor(String patient, String clinician) {
    return em.createQuery(
            "select p.name from CarePool p join p.members m where m.username = :clinician"
                + " and m.role = :role and :patient member of p.patients order by p.name",
            String.class)
        .setParameter("clinician", clinician)
        .setParameter("role", PoolRole.CLINICIAN)
        .setParameter("patient", patient)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Who {@code patient} may write to: each pool caring for them, then its clinicians by name. */
  public List<CareRecipient> recipientsFor(String patient) {
    List<CarePool> pools = poolsCaringFor(patient);
    Set<String> clinicians = new TreeSet<>();
    pools.forEach(
        p ->
            p.getMembers().stream()
                .filter(m -> m.getRole() == PoolRole.CLINICIAN)
                .map(PoolMember::getUsername)
                .forEach(clinicians::add));
    Map<String, String> names = people.displayNames(clinicians);
    List<CareRecipient> recipients = new ArrayList<>();
    List<CareRecipient> people = new ArrayList<>();
    for (CarePool pool : pools) {
      recipients.add(
          new CareRecipient(
              CareRecipient.Kind.POOL, pool.getCode(), pool.getName(), pool.getName()));
      for (PoolMember m : pool.getMembers()) {
        if (m.getRole() == PoolRole.CLINICIAN
            && people.stream().noneMatch(r -> r.getName().equals(m.getUsername()))) {
          people.add(
              new CareRecipient(
                  CareRecipient.Kind.USER,
                  m.getUsername(),
                  names.get(m.getUsername()),
                  pool.getName()));
        }
      }
    }
    people.sort(Comparator.comparing(CareRecipient::getDisplayName));
    recipients.addAll(people);
    return recipients;
  }

  /** The recipient {@code address} names, if it is on {@code patient}'s care team. */
  public Optional<CareRecipient> recipient(String patient, String address) {
    return recipientsFor(patient).stream().filter(r -> r.getAddress().equals(address)).findFirst();
  }

  /** Whether {@code username} works a pool that cares for {@code patient}. */
  public boolean onCareTeam(String username, String patient) {
    return poolsCaringFor(patient).stream().anyMatch(p -> p.hasMember(username));
  }

  /** The pools caring for {@code patient} that {@code username} works, by code. */
  public List<CarePool> poolsOfMemberCaringFor(String username, String patient) {
    return em.createQuery(
            "select p from CarePool p join p.members m where m.username = :username"
                + " and :patient member of p.patients order by p.code",
            CarePool.class)
        .setParameter("username", username)
        .setParameter("patient", patient)
        .getResultList();
  }

  /** The codes of the pools {@code username} works. */
  public List<String> poolsOf(String username) {
    return em.createNamedQuery(CarePool.CODES_OF_MEMBER, String.class)
        .setParameter("username", username)
        .getResultList();
  }

  /**
   * The clinicians of the pools {@code staff} works as staff, each with the codes of those pools
   * (one query): whose threads the staff member processes in business hours.
   */
  public Map<String, List<String>> cliniciansStaffedBy(String staff) {
    Map<String, List<String>> clinicians = new java.util.LinkedHashMap<>();
    for (Object[] row :
        em.createQuery(
                "select c.username, p.code from CarePool p join p.members me join p.members c"
                    + " where me.username = :me and me.role = :staff and c.role = :clinician"
                    + " order by c.username, p.code",
                Object[].class)
            .setParameter("me", staff)
            .setParameter("staff", PoolRole.STAFF)
            .setParameter("clinician", PoolRole.CLINICIAN)
            .getResultList()) {
      clinicians.computeIfAbsent((String) row[0], c -> new ArrayList<>()).add((String) row[1]);
    }
    return clinicians;
  }

  /** The codes of the pools that care for {@code patient}. */
  public List<String> poolCodesCaringFor(String patient) {
    return em.createQuery(
            "select p.code from CarePool p where :patient member of p.patients", String.class)
        .setParameter("patient", patient)
        .getResultList();
  }

  /** The usernames of a pool's members; empty for an unknown pool. */
  public List<String> membersOf(String poolCode) {
    return pool(poolCode)
        .map(p -> p.getMembers().stream().map(PoolMember::getUsername).sorted().toList())
        .orElse(List.of());
  }

  /**
   * Whether {@code clinician} and {@code colleague} work a pool together, the colleague as a
   * clinician: who may cover for whom.
   */
  public boolean cliniciansShareAPool(String clinician, String colleague) {
    return !em.createQuery(
            "select p.id from CarePool p join p.members me join p.members c"
                + " where me.username = :me and c.username = :colleague and c.role = :role",
            Long.class)
        .setParameter("me", clinician)
        .setParameter("colleague", colleague)
        .setParameter("role", PoolRole.CLINICIAN)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * The clinicians who work a pool with {@code clinician} (not the clinician), by username: who may
   * cover for them.
   */
  public List<String> clinicianColleagues(String clinician) {
    return em.createQuery(
            "select distinct c.username from CarePool p join p.members me join p.members c"
                + " where me.username = :me and c.role = :role and c.username <> :me"
                + " order by c.username",
            String.class)
        .setParameter("me", clinician)
        .setParameter("role", PoolRole.CLINICIAN)
        .getResultList();
  }

  /** Who covers for {@code clinician} on {@code day}, if they are away then: one indexed query. */
  public Optional<String> coverOn(String clinician, LocalDate day) {
    return em.createNamedQuery(AwayPeriod.COVER_ON, AwayPeriod.class)
        .setParameter("clinician", clinician)
        .setParameter("day", day)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(AwayPeriod::getCover);
  }

  /** The clinicians {@code cover} covers for on {@code day}: one indexed query. */
  public List<String> coveredBy(String cover, LocalDate day) {
    return em.createNamedQuery(AwayPeriod.COVERED_BY_ON, String.class)
        .setParameter("cover", cover)
        .setParameter("day", day)
        .getResultList();
  }

  public Optional<CarePool> pool(String code) {
    return em.createNamedQuery(CarePool.BY_CODE, CarePool.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }
}

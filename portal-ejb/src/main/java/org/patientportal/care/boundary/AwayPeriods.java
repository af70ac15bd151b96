package org.patientportal.care.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.patientportal.care.entity.AwayPeriod;
import org.patientportal.care.entity.NewAwayPeriod;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.care.entity.Team;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.Roles;
import org.patientportal.shared.entity.ForbiddenException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * A clinician's own away periods: they record one (the days, why, and a covering colleague who
 * works as a clinician in a pool they share), list those not yet over, and delete one. The caller
 * is always the clinician away: nobody records absences for someone else. Each recording and
 * deletion is announced as a {@link CareChange}, which the access log records. While a period runs,
 * {@link Addressing} sends new messages for the clinician to the cover, and messaging lets the
 * cover work the clinician's open threads.
 */
@Stateless
@RolesAllowed(Roles.CLINICIAN)
public class AwayPeriods {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject HospitalDays days;
  @Inject CareDirectory care;
  @Inject People people;
  @Inject Event<CareChange> changes;
  @Resource SessionContext session;

  /** The colleagues who may cover for the caller (clinicians of a pool they work), by name. */
  public List<Team.Person> colleagues() {
    List<String> usernames = care.clinicianColleagues(caller());
    java.util.Map<String, String> names = people.displayNames(usernames);
    return usernames.stream()
        .map(u -> new Team.Person(u, names.get(u), PoolRole.CLINICIAN))
        .sorted(java.util.Comparator.comparing(Team.Person::getDisplayName))
        .toList();
  }

  /** The caller's away periods that are not over, soonest first. */
  public List<AwayPeriod> mine() {
    return em.createNamedQuery(AwayPeriod.OF_CLINICIAN, AwayPeriod.class)
        .setParameter("clinician", caller())
        .setParameter("from", days.today())
        .getResultList();
  }

  /**
   * Records an away period of the caller's.
   *
   * @throws InvalidInputException naming the field at fault: a missing day, kind or cover; a period
   *     that ends before it starts or is over; a cover who is the caller, or not a clinician of a
   *     pool the caller works; a period that overlaps another of the caller's
   */
  public AwayPeriod record(NewAwayPeriod request) {
    String me = caller();
    NewAwayPeriod r = request == null ? new NewAwayPeriod(null, null, null, null) : request;
    if (r.from() == null) {
      throw new InvalidInputException("from", "{care.away.from.required}");
    }
    if (r.to() == null) {
      throw new InvalidInputException("to", "{care.away.to.required}");
    }
    if (r.to().isBefore(r.from())) {
      throw new InvalidInputException("to", "{care.away.inverted}");
    }
    LocalDate today = days.today();
    if (r.to().isBefore(today)) {
      throw new InvalidInputException("to", "{care.away.over}");
    }
    if (r.from().isAfter(today.plusYears(2))) {
      throw new InvalidInputException("from", "{care.away.tooFar}");
    }
    if (r.kind() == null) {
      throw new InvalidInputException("kind", "{care.away.kind.required}");
    }
    String cover = r.cover() == null ? "" : r.cover().strip();
    if (cover.isEmpty()) {
      throw new InvalidInputException("cover", "{care.away.cover.required}");
    }
    if (cover.equals(me)) {
      throw new InvalidInputException("cover", "{care.away.cover.self}");
    }
    if (!care.cliniciansShareAPool(me, cover)) {
      throw new InvalidInputException("cover", "{care.away.cover.notColleague}");
    }
    long overlapping =
        em.createNamedQuery(AwayPeriod.OVERLAPPING, Long.class)
            .setParameter("clinician", me)
            .setParameter("from", r.from())
            .setParameter("to", r.to())
            .getSingleResult();
    if (overlapping > 0) {
      throw new InvalidInputException("from", "{care.away.overlaps}");
    }
    AwayPeriod period = new AwayPeriod(me, cover, r.kind(), r.from(), r.to(), clock.instant());
    em.persist(period);
    em.flush();
    changes.fire(
        new CareChange(
            me,
            null,
            CareChange.Kind.AWAY_RECORDED,
            "away/"
                + period.getId()
                + " "
                + period.getStartsOn()
                + ".."
                + period.getEndsOn()
                + " "
                + period.getKind()
                + " cover="
                + cover));
    return period;
  }

  /**
   * Deletes one of the caller's away periods (from then on, new messages reach the caller again).
   *
   * @throws NotFoundException when there is no such period
   * @throws ForbiddenException when it is someone else's
   */
  public void delete(long id) {
    AwayPeriod period = em.find(AwayPeriod.class, id);
    if (period == null) {
      throw new NotFoundException("{care.away.notFound}");
    }
    if (!period.getClinician().equals(caller())) {
      throw new ForbiddenException("{care.away.notYours}");
    }
    em.remove(period);
    changes.fire(
        new CareChange(
            caller(),
            null,
            CareChange.Kind.AWAY_DELETED,
            "away/" + id + " cover=" + period.getCover()));
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}

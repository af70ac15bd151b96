package org.patientportal.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.care.boundary.Addressing;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.control.ThreadAccess;
import org.patientportal.messaging.control.ThreadQueries;
import org.patientportal.messaging.control.ThreadTeams;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.ThreadEvent;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.ForbiddenException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * Who handles a thread: a clinician or staff member of the thread's team claims it, releases it, or
 * assigns it to a colleague of the team ({@link ThreadTeams}). Only someone on the thread's care
 * team side ({@link ThreadAccess#careSide}) may; anyone else is answered as not found and audited
 * as ACCESS_DENIED, as everywhere in messaging. A thread someone else has is theirs until they let
 * it go, unless the caller leads the team: then the lead may take it, give it away or release it.
 * Each change is audited and written to the thread's history, which its patient sees too.
 */
@Stateless
@RolesAllowed({Roles.CLINICIAN, Roles.STAFF})
public class ThreadHandling {

  private static final String NOT_FOUND = "{messaging.thread.notFound}";

  @Resource SessionContext session;
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @EJB AuditService auditService;
  @Inject CareDirectory care;
  @Inject Addressing addressing;
  @Inject ThreadQueries threads;
  @Inject ThreadTeams teams;

  /** The caller takes the thread (again, harmlessly, if it is theirs already). */
  public void claim(long threadId) {
    Handling h = handling(threadId);
    String me = h.access.reader();
    if (me.equals(h.thread.getAssignee())) {
      return;
    }
    h.mayTakeFrom();
    PoolRole role = h.members.get(me);
    if (role == null) {
      // on the care side but not a member of its team (a colleague it was given to, since removed)
      throw deny(threadId, h.thread);
    }
    h.thread.assign(me, role);
    event(h.thread, ThreadEvent.Kind.CLAIMED, me, null);
    audit.record(
        me,
        h.thread.getPatient(),
        AuditAction.THREAD_CLAIMED,
        "thread/" + threadId,
        AuditOutcome.SUCCESS);
  }

  /** The caller lets the thread go (nothing happens if nobody has it). */
  public void release(long threadId) {
    Handling h = handling(threadId);
    if (h.thread.getAssignee() == null) {
      return;
    }
    h.mayTakeFrom();
    String me = h.access.reader();
    h.thread.release();
    event(h.thread, ThreadEvent.Kind.RELEASED, me, null);
    audit.record(
        me,
        h.thread.getPatient(),
        AuditAction.THREAD_RELEASED,
        "thread/" + threadId,
        AuditOutcome.SUCCESS);
  }

  /**
   * The caller gives the thread to {@code to}, a member of its team.
   *
   * @throws InvalidInputException (field "to") if {@code to} is missing or not on the team
   * @throws ConflictException if someone else has the thread and the caller does not lead the team
   */
  public void assign(long threadId, String to) {
    Handling h = handling(threadId);
    if (to == null || to.isBlank()) {
      throw new InvalidInputException("to", "{messaging.assignment.to.required}");
    }
    String target = to.strip();
    PoolRole role = h.members.get(target);
    if (role == null) {
      throw new InvalidInputException("to", "{messaging.assignment.to.notOnTeam}");
    }
    if (target.equals(h.thread.getAssignee())) {
      return;
    }
    h.mayTakeFrom();
    String me = h.access.reader();
    h.thread.assign(target, role);
    event(h.thread, ThreadEvent.Kind.ASSIGNED, me, target);
    audit.record(
        me,
        h.thread.getPatient(),
        AuditAction.THREAD_ASSIGNED,
        "thread/" + threadId + "/to/" + target,
        AuditOutcome.SUCCESS);
  }

  /**
   * The caller, on the thread's care team side, opens a done thread again: it is back in the work
   * queue, its history says who reopened it, and it is audited as THREAD_REOPENED. A thread that is
   * open stays as it is. The thread's patient may not (they reopen it by writing in it): refused as
   * forbidden and audited; anyone else is answered as not found and audited.
   */
  @RolesAllowed({Roles.CLINICIAN, Roles.STAFF, Roles.PATIENT})
  public void reopen(long threadId) {
    String me = session.getCallerPrincipal().getName();
    Set<String> roles =
        Roles.ALL.stream().filter(session::isCallerInRole).collect(Collectors.toSet());
    ThreadAccess access =
        new ThreadAccess(me, roles, () -> care.poolsOf(me), () -> addressing.coveredBy(me));
    MessageThread thread = threads.find(threadId);
    if (thread == null || !access.mayRead(thread)) {
      throw deny(threadId, thread);
    }
    if (!access.careSide(thread)) {
      // audited as ACCESS_DENIED where the refusal is answered (problem+json mapper)
      throw new ForbiddenException("{messaging.reopen.careTeamOnly}");
    }
    threads.lockForWriting(thread);
    if (!thread.reopen()) {
      return;
    }
    event(thread, ThreadEvent.Kind.REOPENED, me, null);
    audit.record(
        me,
        thread.getPatient(),
        AuditAction.THREAD_REOPENED,
        "thread/" + threadId,
        AuditOutcome.SUCCESS);
  }

  private void event(MessageThread thread, ThreadEvent.Kind kind, String actor, String target) {
    em.persist(new ThreadEvent(thread.getId(), clock.instant(), kind, actor, target));
  }

  /** A thread on the caller's care side, with its team. */
  private Handling handling(long threadId) {
    String me = session.getCallerPrincipal().getName();
    Set<String> roles =
        Roles.ALL.stream().filter(session::isCallerInRole).collect(Collectors.toSet());
    ThreadAccess access = new ThreadAccess(me, roles, () -> care.poolsOf(me));
    MessageThread thread = threads.find(threadId);
    if (thread == null || !access.careSide(thread)) {
      throw deny(threadId, thread);
    }
    List<CarePool> team = teams.of(thread);
    return new Handling(access, thread, teams.members(team), teams.leads(team).contains(me));
  }

  private final class Handling {
    final ThreadAccess access;
    final MessageThread thread;
    final Map<String, PoolRole> members;
    final boolean lead;

    Handling(
        ThreadAccess access, MessageThread thread, Map<String, PoolRole> members, boolean lead) {
      this.access = access;
      this.thread = thread;
      this.members = members;
      this.lead = lead;
    }

    /** Refuses, unless nobody else has the thread or the caller leads the team. */
    void mayTakeFrom() {
      String assignee = thread.getAssignee();
      if (assignee != null && !assignee.equals(access.reader()) && !lead) {
        throw new ConflictException("thread-claimed", "{messaging.thread.claimedByOther}");
      }
    }
  }

  private NotFoundException deny(long threadId, MessageThread thread) {
    auditService.recordDenied("thread/" + threadId, thread == null ? null : thread.getPatient());
    return new NotFoundException(NOT_FOUND);
  }
}

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
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.care.boundary.Addressing;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.CareRecipient;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.control.Readers;
import org.patientportal.messaging.control.ThreadAccess;
import org.patientportal.messaging.control.ThreadQueries;
import org.patientportal.messaging.control.ThreadTeams;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.RecipientKind;
import org.patientportal.messaging.entity.ThreadEvent;
import org.patientportal.messaging.entity.ThreadForward;
import org.patientportal.platform.boundary.Ids;
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
 * Each change is audited and written to the thread's history, which its patient sees too. A thread
 * is also forwarded from here to a clinician or pool of the portal ({@link #forward}).
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
  @Inject ThreadQueries threads;
  @Inject Readers readers;
  @Inject ThreadTeams teams;
  @Inject Addressing addressing;
  @Inject People people;
  @Inject Crypto crypto;
  @Inject Ids ids;

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
   * The caller forwards the thread inside the care community, to a clinician of the portal (a
   * username) or to a pool ({@code pool:<code>}), with a note; never to an outside address. The
   * recipient reads the thread from then on; the thread's history shows the forward to everyone who
   * reads it, the patient too. Audited as FORWARDED. Anything that is not a portal recipient is
   * refused naming "to", and the refusal is audited as ACCESS_DENIED (it commits on its own).
   *
   * @throws InvalidInputException (field "to" or "note")
   */
  public void forward(long threadId, String to, String note) {
    forward(threadId, to, note, false);
  }

  /**
   * Forwards as {@link #forward(long, String, String)} does; a flagged thread (a message of it
   * touches a sensitive topic) only when the caller confirms it ({@code confirmSensitive}),
   * otherwise refused with a conflict ("sensitive-forward-unconfirmed") and nothing forwarded.
   */
  public void forward(long threadId, String to, String note, boolean confirmSensitive) {
    String me = session.getCallerPrincipal().getName();
    ThreadAccess access = readers.of(session);
    MessageThread thread = threads.find(threadId);
    if (thread == null || !access.careSide(thread)) {
      throw deny(threadId, thread);
    }
    String target = to == null ? "" : to.strip();
    if (target.isEmpty()) {
      throw new InvalidInputException("to", "{messaging.forward.to.required}");
    }
    RecipientKind kind;
    String recipient;
    if (target.startsWith(CareRecipient.POOL_PREFIX)) {
      kind = RecipientKind.POOL;
      recipient = target.substring(CareRecipient.POOL_PREFIX.length());
      if (care.pool(recipient).isEmpty()) {
        throw notAPortalRecipient(thread, target);
      }
    } else {
      kind = RecipientKind.USER;
      recipient = target;
      if (!PORTAL_USERNAME.matcher(recipient).matches()
          || !people.isPortalUserWithRole(recipient, Roles.CLINICIAN)) {
        throw notAPortalRecipient(thread, target);
      }
      if (recipient.equals(me)) {
        throw new InvalidInputException("to", "{messaging.forward.to.self}");
      }
    }
    String text = note == null ? "" : note.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("note", "{messaging.forward.note.required}");
    }
    if (text.length() > ThreadForward.MAX_NOTE) {
      throw new InvalidInputException(
          "note", "{messaging.forward.note.tooLong}", Map.of("max", ThreadForward.MAX_NOTE));
    }
    if (thread.isFlagged() && !confirmSensitive) {
      throw new ConflictException(
          "sensitive-forward-unconfirmed", "{messaging.forward.sensitiveUnconfirmed}");
    }
    long id = ids.next("thread_forward_seq");
    ThreadForward forward =
        new ThreadForward(
            id,
            threadId,
            clock.instant(),
            me,
            kind,
            recipient,
            crypto.seal(text, ThreadForward.noteOwner(threadId, id)));
    em.persist(forward);
    event(thread, ThreadEvent.Kind.FORWARDED, me, forward.address());
    audit.record(
        me,
        thread.getPatient(),
        AuditAction.FORWARDED,
        "thread/"
            + threadId
            + "/to/"
            + forward.address()
            + (thread.isFlagged() ? " sensitive confirmed" : ""),
        AuditOutcome.SUCCESS);
  }

  /**
   * Whom the caller may forward threads to: every pool of the portal and every clinician who works
   * one (not the caller), pools first, each by name. The browser offers only these.
   */
  public List<CareRecipient> forwardRecipients() {
    String me = session.getCallerPrincipal().getName();
    List<CarePool> pools =
        em.createQuery("select p from CarePool p order by p.name, p.code", CarePool.class)
            .getResultList();
    List<CareRecipient> recipients = new java.util.ArrayList<>();
    java.util.Set<String> clinicians = new java.util.TreeSet<>();
    for (CarePool p : pools) {
      recipients.add(new CareRecipient(CareRecipient.Kind.POOL, p.getCode(), p.getName(), null));
      p.getMembers().stream()
          .filter(m -> m.getRole() == PoolRole.CLINICIAN && !m.getUsername().equals(me))
          .forEach(m -> clinicians.add(m.getUsername()));
    }
    Map<String, String> names = people.displayNames(clinicians);
    clinicians.stream()
        .map(c -> new CareRecipient(CareRecipient.Kind.USER, c, names.getOrDefault(c, c), null))
        .sorted(java.util.Comparator.comparing(CareRecipient::getDisplayName))
        .forEach(recipients::add);
    return recipients;
  }

  /** A username as Keycloak's realm allows them here: nothing like an email address or a URL. */
  private static final java.util.regex.Pattern PORTAL_USERNAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Audits the refused recipient (in its own transaction) and names the field at fault. */
  private InvalidInputException notAPortalRecipient(MessageThread thread, String target) {
    String shown = target.length() > 100 ? target.substring(0, 100) : target;
    auditService.recordDenied(
        "thread/" + thread.getId() + "/forward/to/" + shown, thread.getPatient());
    return new InvalidInputException("to", "{messaging.forward.to.notInPortal}");
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
    ThreadAccess access = readers.of(session);
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
    ThreadAccess access = readers.handlerOf(session);
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

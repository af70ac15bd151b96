package org.patientportal.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.identity.entity.Roles;
import org.patientportal.mail.boundary.Notifications;
import org.patientportal.messaging.control.ThreadTeams;
import org.patientportal.messaging.entity.Escalation;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.ThreadEvent;
import org.patientportal.messaging.entity.ThreadStatus;

/**
 * Escalates waiting messages to their team's lead: an unclaimed one once half of its time has
 * passed, any one once it is overdue. Each level happens once per waiting message: it is recorded
 * on the thread (which marks it in the queue), in its history and in the audit log, and the lead is
 * emailed "a message in your team is waiting", with nothing about the message or the patient.
 *
 * <p>A persistent timer runs it every five minutes: persistent timers are kept in the database in a
 * cluster, so one node fires each time. The work is {@link #escalate(Instant)}, which tests call
 * with the instant they want (no waiting for the timer).
 */
@Stateless
public class Escalations {

  /** The most threads one run escalates; the next run continues. */
  static final int BATCH = 200;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject ThreadTeams teams;
  @Inject AuditLog audit;
  @Inject Notifications notifications;

  @Resource SessionContext context;

  @Schedule(minute = "*/5", hour = "*", persistent = true, info = "turnaround escalations")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void scheduled() {
    run(clock.instant());
  }

  /**
   * Escalates everything due for escalation at {@code now}, in batches of {@value #BATCH} threads
   * each in a transaction of its own; returns how many escalations it made. The timer's work, for
   * tests to call with the instant they choose; an administrator may call it.
   */
  @RolesAllowed(Roles.ADMIN)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int escalate(Instant now) {
    return run(now);
  }

  private int run(Instant now) {
    Escalations self = context.getBusinessObject(Escalations.class);
    int made = 0;
    while (true) {
      int[] batch = self.batch(now);
      made += batch[1];
      if (batch[0] < BATCH) {
        return made;
      }
    }
  }

  /**
   * One batch, in a transaction of its own: how many threads it read and how many escalations it
   * made. Reached only through {@link #escalate} and the timer (a no-interface view inside the
   * application; no endpoint calls it), so it asks for no role of its own.
   */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int[] batch(Instant now) {
    List<MessageThread> due =
        em.createQuery(
                "select t from MessageThread t where t.status = :open and ("
                    + "(t.dueBy <= :now and t.escalationLevel < 2)"
                    + " or (t.escalateAt <= :now and t.escalationLevel < 1 and t.assignee is null))"
                    + " order by t.dueBy, t.id",
                MessageThread.class)
            .setParameter("open", ThreadStatus.OPEN)
            .setParameter("now", now)
            .setMaxResults(BATCH)
            .getResultList();
    int made = 0;
    for (MessageThread thread : due) {
      Escalation escalation = thread.escalationDue(now);
      if (escalation == null) {
        continue;
      }
      Optional<String> lead = teams.leadOf(thread);
      thread.escalated(escalation);
      String level = escalation == Escalation.OVERDUE ? "overdue" : "unclaimed";
      em.persist(
          new ThreadEvent(
              thread.getId(),
              now,
              escalation == Escalation.OVERDUE
                  ? ThreadEvent.Kind.OVERDUE
                  : ThreadEvent.Kind.ESCALATED,
              ThreadEvent.PORTAL,
              lead.orElse(null)));
      audit.record(
          ThreadEvent.PORTAL,
          thread.getPatient(),
          AuditAction.THREAD_ESCALATED,
          "thread/" + thread.getId() + "/" + level + lead.map(l -> "/to/" + l).orElse(""),
          AuditOutcome.SUCCESS);
      lead.ifPresent(
          l ->
              notifications.teamMessageWaiting(
                  l,
                  "escalation/thread/"
                      + thread.getId()
                      + "/"
                      + level
                      + "/"
                      + thread.getDueBy().toEpochMilli()
                      + "/to/"
                      + l));
      made++;
    }
    return new int[] {due.size(), made};
  }
}

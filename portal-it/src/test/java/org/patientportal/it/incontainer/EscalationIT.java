package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.it.support.Deployments;
import org.patientportal.it.support.EmailPipeline;
import org.patientportal.it.support.Mailbox;
import org.patientportal.it.support.Mailbox.Received;
import org.patientportal.mail.entity.EmailItem;
import org.patientportal.messaging.boundary.Escalations;
import org.patientportal.messaging.boundary.MessagingGuidelines;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.boundary.ThreadHandling;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.Escalation;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.StartThread;
import org.patientportal.messaging.entity.ThreadEvent;

/**
 * Escalations to the team's lead, through the timer's work method with the instants the test
 * chooses (no waiting for the timer, no sleeps): an unclaimed message past half its time, then the
 * same message overdue, each once; a claimed one only when overdue. The lead of the Breast Oncology
 * pool, dr.smith, receives "a message in your team is waiting" at the mail catcher, with neither
 * the thread's subject nor the patient in it.
 */
@ExtendWith(ArquillianExtension.class)
class EscalationIT {

  private static final Set<String> SUBJECTS =
      Set.of("A message in your team is waiting", "Un mensaje de su equipo está esperando");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(
        EscalationIT.class,
        AsPatient.class,
        AsAdmin.class,
        AsNurse.class,
        InTransaction.class,
        Mailbox.class,
        EmailPipeline.class);
  }

  @EJB AsPatient asPatient;
  @EJB AsAdmin asAdmin;
  @EJB AsNurse asNurse;
  @EJB InTransaction tx;
  @EJB MessagingService messaging;
  @EJB MessagingGuidelines guidelines;
  @EJB Escalations escalations;
  @EJB ThreadHandling handling;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Test
  void theEscalationTimerIsKeptInThePortalsDatabaseForTheWholeCluster() throws Exception {
    // configure-server.cli's database timer store: the nodes of a cluster on one database share
    // the timer's row, and only the node that marks it running first runs a firing
    List<?> timers =
        tx.commit(
            () ->
                em.createNativeQuery(
                        "select timed_object_id from jboss_ejb_timer"
                            + " where partition_name = 'portal' and timed_object_id like ?1")
                    .setParameter(1, "%.Escalations")
                    .getResultList());
    assertFalse(timers.isEmpty(), "the escalation's persistent timer is a row of jboss_ejb_timer");
  }

  @Test
  void anUnclaimedMessageEscalatesAtHalfTimeThenWhenOverdueEachOnce() throws Exception {
    String marker = "escalate" + UUID.randomUUID().toString().substring(0, 8);
    long id = start(marker);
    MessageThread started = thread(id);
    Instant halfway = started.getEscalateAt();
    Instant due = started.getDueBy();
    assertNotNull(due);
    assertTrue(halfway.isBefore(due));

    asAdmin.call(() -> escalations.escalate(halfway.minusSeconds(1)));
    assertEquals(0, thread(id).getEscalationLevel(), "not yet halfway");

    asAdmin.call(() -> escalations.escalate(halfway));
    assertEquals(Escalation.UNCLAIMED, thread(id).getEscalation());
    String unclaimedKey = key(id, "unclaimed", due);
    Received first = Mailbox.awaitOne("dr.smith@portal.test", sentFor(unclaimedKey));
    assertNothingAbout(first, marker);

    // again at the same time, and later before the due time: nothing more
    asAdmin.call(() -> escalations.escalate(halfway));
    asAdmin.call(() -> escalations.escalate(due.minusSeconds(1)));
    assertEquals(List.of(ThreadEvent.Kind.ESCALATED), kinds(id));
    assertEquals("dr.smith", events(id).get(0).getTarget());
    assertEquals(1L, audited(id, "unclaimed/to/dr.smith"));

    asAdmin.call(() -> escalations.escalate(due));
    assertEquals(Escalation.OVERDUE, thread(id).getEscalation());
    Received overdue = Mailbox.awaitOne("dr.smith@portal.test", sentFor(key(id, "overdue", due)));
    assertNothingAbout(overdue, marker);
    asAdmin.call(() -> escalations.escalate(due.plus(Duration.ofDays(3))));
    assertEquals(List.of(ThreadEvent.Kind.ESCALATED, ThreadEvent.Kind.OVERDUE), kinds(id));
    assertEquals(1L, audited(id, "overdue/to/dr.smith"));
    EmailPipeline.assertFinal("dr.smith@portal.test", sentFor(unclaimedKey), 1);
    EmailPipeline.assertFinal("dr.smith@portal.test", sentFor(key(id, "overdue", due)), 1);
  }

  @Test
  void aClaimedMessageEscalatesOnlyWhenOverdue() throws Exception {
    String marker = "claimed" + UUID.randomUUID().toString().substring(0, 8);
    long id = start(marker);
    asNurse.call(
        () -> {
          handling.claim(id);
          return null;
        });
    MessageThread claimed = thread(id);
    assertEquals("nurse.lee", claimed.getAssignee());

    asAdmin.call(() -> escalations.escalate(claimed.getEscalateAt()));
    assertNull(thread(id).getEscalation(), "someone has it");
    EmailPipeline.assertFinal(
        "dr.smith@portal.test", sentFor(key(id, "unclaimed", claimed.getDueBy())), 0);

    asAdmin.call(() -> escalations.escalate(claimed.getDueBy()));
    assertEquals(Escalation.OVERDUE, thread(id).getEscalation());
    assertNothingAbout(
        Mailbox.awaitOne("dr.smith@portal.test", sentFor(key(id, "overdue", claimed.getDueBy()))),
        marker);
    assertEquals(List.of(ThreadEvent.Kind.CLAIMED, ThreadEvent.Kind.OVERDUE), kinds(id));
  }

  private long start(String marker) throws Exception {
    return asPatient.call(
        () -> {
          guidelines.accept(guidelines.guidelines("en").getSha256(), "en");
          return messaging.startThread(
              new StartThread(
                  "pool:breast-oncology",
                  Category.GENERAL,
                  "Subject " + marker,
                  "Body " + marker,
                  false,
                  List.of(),
                  null));
        });
  }

  private static void assertNothingAbout(Received email, String marker) {
    assertTrue(SUBJECTS.contains(email.subject()), email.subject());
    for (String leak : List.of(marker, "Pat Jones", "pat.jones")) {
      assertFalse(email.raw().contains(leak), "the email names " + leak + ": " + email.raw());
    }
    assertTrue(email.text().contains("/messages/inbox.xhtml"), email.text());
  }

  private MessageThread thread(long id) throws Exception {
    return tx.commit(() -> em.find(MessageThread.class, id));
  }

  private List<ThreadEvent> events(long id) throws Exception {
    return tx.commit(
        () ->
            em.createNamedQuery(ThreadEvent.OF_THREAD, ThreadEvent.class)
                .setParameter("thread", id)
                .getResultList());
  }

  private List<ThreadEvent.Kind> kinds(long id) throws Exception {
    return events(id).stream().map(ThreadEvent::getKind).toList();
  }

  private long audited(long id, String what) throws Exception {
    return tx.commit(
        () ->
            em.createQuery(
                    "select count(a) from AuditEntry a where a.resource = :r and a.action = :a",
                    Long.class)
                .setParameter("r", "thread/" + id + "/" + what)
                .setParameter("a", org.patientportal.audit.entity.AuditAction.THREAD_ESCALATED)
                .getSingleResult());
  }

  private static String key(long id, String level, Instant due) {
    return "escalation/thread/" + id + "/" + level + "/" + due.toEpochMilli() + "/to/dr.smith";
  }

  private static Predicate<Received> sentFor(String key) {
    return Received.withMessageId(EmailItem.messageId(key, "portal.test"));
  }
}

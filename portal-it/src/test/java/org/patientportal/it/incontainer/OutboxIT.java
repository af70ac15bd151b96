package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.it.support.Deployments;
import org.patientportal.it.support.EmailPipeline;
import org.patientportal.it.support.Mailbox;
import org.patientportal.it.support.Mailbox.Received;
import org.patientportal.mail.boundary.Notifications;
import org.patientportal.mail.control.EmailQueue;
import org.patientportal.mail.entity.EmailItem;
import org.patientportal.mail.entity.EmailTemplate;
import org.patientportal.work.boundary.Outbox;
import org.patientportal.work.boundary.OutboxRelay;

/**
 * The outbox inside WildFly, to the mail catcher: work exists if and only if its transaction
 * commits, each idempotency key becomes one email, rows that a crash left in the outbox are sent by
 * the relay's fallback pass, and a row whose message reached the queue before a crash (sent, then
 * not deleted) is not a second email. Every test uses fresh keys and finds its email by the
 * Message-ID the key gives.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(
        OutboxIT.class, InTransaction.class, Mailbox.class, EmailPipeline.class);
  }

  @Inject Notifications notifications;
  @Inject Outbox outbox;
  @EJB InTransaction tx;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = EmailQueue.LOOKUP)
  Queue emailQueue;

  @Test
  void aRolledBackTransactionLeavesNoRowAndSendsNothing() throws Exception {
    String key = newKey();

    assertTrue(
        tx.rollBack(
            () -> {
              boolean queued = notifications.newSecureMessage("sam.rivera", key);
              assertEquals(1, rowsOf(key), "the row is there inside the transaction");
              return queued;
            }));

    assertEquals(0, tx.commit(() -> rowsOf(key)), "and gone with its rollback");
    EmailPipeline.assertFinal("sam.rivera@portal.test", sentFor(key), 0);
  }

  @Test
  void aCommittedTransactionSendsExactlyOneEmailAndEmptiesItsRow() throws Exception {
    String key = newKey();

    assertTrue(tx.commit(() -> notifications.newSecureMessage("pat.jones", key)));

    Received email = Mailbox.awaitOne("pat.jones@portal.test", sentFor(key));
    assertEquals("New secure message in your patient portal", email.subject());
    awaitNoRowOf(key);
    EmailPipeline.assertFinal("pat.jones@portal.test", sentFor(key), 1);
  }

  @Test
  void theSameKeyTwiceInOneTransactionIsOneRowAndOneEmail() throws Exception {
    String key = newKey();
    String json =
        new EmailItem(key, "chris.jones@portal.test", "es", EmailTemplate.NEW_SECURE_MESSAGE)
            .toJson();

    tx.commit(
        () -> {
          assertTrue(outbox.enqueue(EmailQueue.NAME, key, json), "written");
          assertFalse(outbox.enqueue(EmailQueue.NAME, key, json), "waiting already: not again");
          assertEquals(1, rowsOf(key));
          return null;
        });

    Received email = Mailbox.awaitOne("chris.jones@portal.test", sentFor(key));
    assertEquals("Nuevo mensaje seguro en su portal del paciente", email.subject());
    EmailPipeline.assertFinal("chris.jones@portal.test", sentFor(key), 1);
  }

  @Test
  void rowsACrashLeftInTheOutboxAreSentByTheFallbackOnce() throws Exception {
    // written straight into the table, as a transaction that committed just before a crash leaves
    // them: nothing asked the relay to run, only its periodic pass finds them
    String first = newKey();
    String second = newKey();
    tx.commit(
        () -> {
          insertRow(first, "dr.smith@portal.test");
          insertRow(second, "dr.smith@portal.test");
          return null;
        });

    Mailbox.awaitOne("dr.smith@portal.test", sentFor(first));
    Mailbox.awaitOne("dr.smith@portal.test", sentFor(second));
    awaitNoRowOf(first);
    awaitNoRowOf(second);
    EmailPipeline.assertFinal("dr.smith@portal.test", sentFor(first), 1);
    EmailPipeline.assertFinal("dr.smith@portal.test", sentFor(second), 1);
  }

  @Test
  void anItemSentBeforeACrashThatKeptItsRowIsNotASecondEmail() throws Exception {
    // the crash between the relay's JMS commit and its delete: the message is on the queue, with
    // the key as its duplicate id, and the row is still in the outbox. A fresh item in the same
    // batch must go out all the same (the broker refuses a transaction holding a duplicate).
    String sent = newKey();
    String fresh = newKey();
    EmailItem item =
        new EmailItem(sent, "dr.chen@portal.test", "en", EmailTemplate.NEW_SECURE_MESSAGE);
    try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
      TextMessage message = jms.createTextMessage(item.toJson());
      message.setStringProperty(OutboxRelay.DUPLICATE_ID, sent);
      jms.createProducer().send(emailQueue, message);
    }
    tx.commit(
        () -> {
          insertRow(sent, "dr.chen@portal.test");
          insertRow(fresh, "dr.chen@portal.test");
          return null;
        });

    Mailbox.awaitOne("dr.chen@portal.test", sentFor(sent));
    Mailbox.awaitOne("dr.chen@portal.test", sentFor(fresh));
    awaitNoRowOf(sent);
    awaitNoRowOf(fresh);
    EmailPipeline.assertFinal("dr.chen@portal.test", sentFor(sent), 1);
    EmailPipeline.assertFinal("dr.chen@portal.test", sentFor(fresh), 1);
  }

  @Test
  void itRefusesAQueueTheServerDoesNotHave() {
    EJBException e =
        assertThrows(
            EJBException.class,
            () -> tx.commit(() -> outbox.enqueue("NoSuchQueue", newKey(), "{}")));
    assertTrue(causes(e).anyMatch(IllegalArgumentException.class::isInstance), e.toString());
    assertThrows(
        EJBException.class, () -> tx.commit(() -> outbox.enqueue("java:/JmsXA", newKey(), "{}")));
  }

  @Test
  void itRefusesToRunOutsideATransaction() {
    assertThrows(
        TransactionalException.class,
        () -> outbox.enqueue(EmailQueue.NAME, newKey(), "{}"),
        "MANDATORY: work queued outside a transaction could outlive its reason");
  }

  private void insertRow(String key, String address) {
    em.createNativeQuery(
            "insert into outbox (destination, idempotency_key, payload, created_at)"
                + " values (?1, ?2, ?3, ?4)")
        .setParameter(1, EmailQueue.NAME)
        .setParameter(2, key)
        .setParameter(
            3, new EmailItem(key, address, "en", EmailTemplate.NEW_SECURE_MESSAGE).toJson())
        .setParameter(4, Instant.now())
        .executeUpdate();
  }

  private long rowsOf(String key) {
    return ((Number)
            em.createNativeQuery("select count(*) from outbox where idempotency_key = ?1")
                .setParameter(1, key)
                .getSingleResult())
        .longValue();
  }

  private void awaitNoRowOf(String key) {
    Awaitility.await("the outbox row of " + key + " deleted")
        .atMost(Mailbox.TIMEOUT)
        .until(() -> tx.commit(() -> rowsOf(key)) == 0);
  }

  private static java.util.stream.Stream<Throwable> causes(Throwable e) {
    return java.util.stream.Stream.iterate(e, t -> t != null, Throwable::getCause).limit(20);
  }

  private static String newKey() {
    return "it/outbox/" + UUID.randomUUID();
  }

  private static Predicate<Received> sentFor(String key) {
    return Received.withMessageId(EmailItem.messageId(key, "portal.test"));
  }
}

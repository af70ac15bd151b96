package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionalException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.identity.entity.PortalUser;
import org.patientportal.it.support.Deployments;
import org.patientportal.it.support.EmailPipeline;
import org.patientportal.it.support.Mailbox;
import org.patientportal.it.support.Mailbox.Received;
import org.patientportal.mail.boundary.MailDelivery;
import org.patientportal.mail.boundary.Notifications;
import org.patientportal.mail.boundary.SentEmails;
import org.patientportal.mail.control.EmailQueue;
import org.patientportal.mail.control.MailNotSentException;
import org.patientportal.mail.entity.EmailDelivery;
import org.patientportal.mail.entity.EmailItem;
import org.patientportal.mail.entity.EmailTemplate;

/**
 * The email path inside WildFly, to the mail catcher: Notifications queues in the caller's
 * transaction (through the outbox, OutboxIT), the EmailQueue's MDB delivers, each idempotency key
 * is sent once. Every test uses fresh keys and finds its email by the Message-ID the key gives, so
 * what other tests send to the same demo users does not matter.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

  private static final String INBOX_LINK = "https://localhost:8443/portal/messages/inbox.xhtml";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(
        NotificationsIT.class, InTransaction.class, Mailbox.class, EmailPipeline.class);
  }

  @Inject Notifications notifications;
  @EJB MailDelivery delivery;
  @Inject SentEmails sentEmails;
  @EJB InTransaction tx;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource ManagedExecutorService executor;

  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = EmailQueue.LOOKUP)
  Queue emailQueue;

  @Resource(lookup = "java:/jms/queue/EmailDLQ")
  Queue emailDeadLetters;

  @Test
  void aPatientGetsOneEmailWithTheLinkAndNothingMore() throws Exception {
    String key = newKey();

    assertTrue(tx.commit(() -> notifications.newSecureMessage("pat.jones", key)));

    Received email = Mailbox.awaitOne("pat.jones@portal.test", sentFor(key));
    assertEquals("New secure message in your patient portal", email.subject());
    assertEquals(
        """
        Hello,

        You have a new secure message. Sign in to read it:
        %s

        For your privacy, the patient portal never puts the content of your messages in email.
        If your matter is urgent, do not wait for a reply: please call your care team.
        In an emergency, call your local emergency number.

        This email was sent automatically. Please do not reply to it.\
        """
            .formatted(INBOX_LINK),
        email.text());
    assertEquals("no-reply@portal.test", email.header("From"));
    assertEquals("pat.jones@portal.test", email.header("To"));
    assertEquals("auto-generated", email.header("Auto-Submitted"));
    assertTrue(email.header("Content-Type").startsWith("text/plain; charset=UTF-8"), email.raw());
    assertFalse(email.raw().contains("Pat Jones"), "no name anywhere in the email");
    EmailPipeline.assertFinal("pat.jones@portal.test", sentFor(key), 1);
  }

  @Test
  void aRolledBackTransactionSendsNothing() throws Exception {
    String rolledBack = newKey();
    String committed = newKey();

    assertTrue(tx.rollBack(() -> notifications.newSecureMessage("sam.rivera", rolledBack)));
    assertTrue(tx.commit(() -> notifications.newSecureMessage("sam.rivera", committed)));

    // the committed one, queued after the rolled-back one, arrives; the rolled-back one never does
    Mailbox.awaitOne("sam.rivera@portal.test", sentFor(committed));
    EmailPipeline.assertFinal("sam.rivera@portal.test", sentFor(rolledBack), 0);
    assertNull(tx.commit(() -> em.find(EmailDelivery.class, rolledBack)));
  }

  @Test
  void theSameKeyQueuedTwiceIsOneEmail() throws Exception {
    String key = newKey();

    assertTrue(tx.commit(() -> notifications.newSecureMessage("chris.jones", key)));
    assertTrue(tx.commit(() -> notifications.newSecureMessage("chris.jones", key)));

    Mailbox.awaitOne("chris.jones@portal.test", sentFor(key));
    EmailPipeline.assertFinal("chris.jones@portal.test", sentFor(key), 1);
    EmailDelivery recorded = tx.commit(() -> em.find(EmailDelivery.class, key));
    assertEquals("chris.jones@portal.test", recorded.getRecipient());
    assertEquals(EmailTemplate.NEW_SECURE_MESSAGE, recorded.getTemplate());
  }

  @Test
  void aDeliveredKeyIsNotDeliveredAgain() {
    String key = newKey();
    EmailItem item =
        new EmailItem(key, "dr.smith@portal.test", null, EmailTemplate.NEW_SECURE_MESSAGE);

    assertTrue(delivery.deliver(item), "sent");
    assertFalse(delivery.deliver(item), "recorded, so not sent again");

    EmailPipeline.assertFinal("dr.smith@portal.test", sentFor(key), 1);
  }

  @Test
  void aFailedSendThrowsAndLeavesTheKeyFreeForTheNextAttempt() throws Exception {
    String key = newKey();
    EmailItem item = new EmailItem(key, "not an address", "en", EmailTemplate.NEW_SECURE_MESSAGE);

    EJBException e = assertThrows(EJBException.class, () -> delivery.deliver(item));
    assertInstanceOf(MailNotSentException.class, e.getCause(), "the queue sees it and retries");
    assertNull(tx.commit(() -> em.find(EmailDelivery.class, key)), "the claim is rolled back");
  }

  @Test
  void aDeliveredKeyIsRecordedAsSent() throws Exception {
    String key = newKey();
    EmailItem item =
        new EmailItem(key, "dr.smith@portal.test", "en", EmailTemplate.NEW_SECURE_MESSAGE);

    assertTrue(delivery.deliver(item));

    EmailDelivery recorded = tx.commit(() -> em.find(EmailDelivery.class, key));
    assertEquals(EmailDelivery.State.SENT, recorded.getState());
    assertNull(recorded.getAttempt());
  }

  @Test
  void aKeyLeftSendingAfterTheSmtpServerTookItIsRecordedAsSentNotSentAgain() throws Exception {
    // the crash between the SMTP server's reply to DATA and the commit of SENT: the attempt had
    // written the key into the sent-email journal, so the later delivery sends nothing
    String key = newKey();
    insertClaim(key, "pat.jones@portal.test", Instant.now().minus(Duration.ofHours(1)));
    sentEmails.record(key);
    EmailItem item =
        new EmailItem(key, "pat.jones@portal.test", "en", EmailTemplate.NEW_SECURE_MESSAGE);

    assertFalse(delivery.deliver(item), "the journal says the SMTP server had it");

    EmailPipeline.assertFinal("pat.jones@portal.test", sentFor(key), 0);
    assertEquals(
        EmailDelivery.State.SENT, tx.commit(() -> em.find(EmailDelivery.class, key)).getState());
  }

  @Test
  void aKeyLeftSendingByACrashedAttemptIsSentAgainWithTheSameMessageId() throws Exception {
    // the crash between the SMTP server's acceptance and the commit of SENT: the claim is old
    String key = newKey();
    insertClaim(key, "pat.jones@portal.test", Instant.now().minus(Duration.ofHours(1)));
    EmailItem item =
        new EmailItem(key, "pat.jones@portal.test", "en", EmailTemplate.NEW_SECURE_MESSAGE);

    assertTrue(delivery.deliver(item), "at least once: sent again");
    assertFalse(delivery.deliver(item), "and then recorded as sent");

    EmailPipeline.assertFinal("pat.jones@portal.test", sentFor(key), 1);
    assertEquals(
        EmailDelivery.State.SENT, tx.commit(() -> em.find(EmailDelivery.class, key)).getState());
  }

  @Test
  void aFreshClaimOfAnotherAttemptIsLeftToItAndTriedAgainLater() throws Exception {
    String key = newKey();
    insertClaim(key, "pat.jones@portal.test", Instant.now());
    EmailItem item =
        new EmailItem(key, "pat.jones@portal.test", "en", EmailTemplate.NEW_SECURE_MESSAGE);

    EJBException e = assertThrows(EJBException.class, () -> delivery.deliver(item));
    assertTrue(
        causes(e).anyMatch(MailNotSentException.class::isInstance),
        "the queue tries again later: " + e);

    EmailPipeline.assertFinal("pat.jones@portal.test", sentFor(key), 0);
    EmailDelivery recorded = tx.commit(() -> em.find(EmailDelivery.class, key));
    assertEquals(EmailDelivery.State.SENDING, recorded.getState());
    assertEquals("other-attempt", recorded.getAttempt(), "not taken, not released");
  }

  @Test
  void twoDeliveriesOfOneKeyAtOnceSendOneEmail() throws Exception {
    for (int round = 0; round < 5; round++) {
      String key = newKey();
      EmailItem item =
          new EmailItem(key, "chris.jones@portal.test", "en", EmailTemplate.NEW_SECURE_MESSAGE);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> both = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        both.add(
            executor.submit(
                () -> {
                  start.await();
                  return delivery.deliver(item);
                }));
      }
      start.countDown();
      int sent = 0;
      for (Future<Boolean> one : both) {
        try {
          sent += one.get() ? 1 : 0;
        } catch (java.util.concurrent.ExecutionException busy) {
          // the other attempt held a fresh claim: the queue would try this one again later
          assertTrue(
              causes(busy).anyMatch(MailNotSentException.class::isInstance), busy.toString());
        }
      }
      assertEquals(1, sent, "exactly one of the two sends");
      Mailbox.awaitOne("chris.jones@portal.test", sentFor(key));
      EmailPipeline.assertFinal("chris.jones@portal.test", sentFor(key), 1);
    }
  }

  @Test
  void aFailingItemOnTheQueueIsRedeliveredThenDeadLettered() throws Exception {
    // the listener runs without a transaction: a failure must still count as an attempt and, after
    // max-delivery-attempts, move the item to EmailDLQ (the queue's delays shortened for the test)
    String key = newKey();
    EmailItem item = new EmailItem(key, "not an address", "en", EmailTemplate.NEW_SECURE_MESSAGE);
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName resolved = new ObjectName(EMAIL_QUEUE_SETTING.replace("%s", "jboss.as"));
    ObjectName expressions = new ObjectName(EMAIL_QUEUE_SETTING.replace("%s", "jboss.as.expr"));
    Object delay = server.getAttribute(expressions, "redeliveryDelay");
    Object attempts = server.getAttribute(expressions, "maxDeliveryAttempts");
    server.setAttribute(resolved, new Attribute("redeliveryDelay", 100L));
    server.setAttribute(resolved, new Attribute("maxDeliveryAttempts", 3));
    try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        JMSConsumer deadLetters = jms.createConsumer(emailDeadLetters, "itKey = '" + key + "'")) {
      TextMessage message = jms.createTextMessage(item.toJson());
      message.setStringProperty("itKey", key);
      jms.createProducer().send(emailQueue, message);

      Message dead = deadLetters.receive(Mailbox.TIMEOUT.toMillis());

      assertNotNull(dead, "in the dead-letter queue after its attempts");
      assertEquals(item.toJson(), dead.getBody(String.class));
      assertNull(tx.commit(() -> em.find(EmailDelivery.class, key)), "each claim released");
    } finally {
      server.setAttribute(expressions, new Attribute("redeliveryDelay", delay));
      server.setAttribute(expressions, new Attribute("maxDeliveryAttempts", attempts));
    }
  }

  private static final String EMAIL_QUEUE_SETTING =
      "%s:subsystem=messaging-activemq,server=default,address-setting=jms.queue.EmailQueue";

  private void insertClaim(String key, String address, Instant at) throws Exception {
    tx.commit(
        () ->
            em.createNativeQuery(
                    "insert into email_delivery"
                        + " (idempotency_key, recipient, template, delivered_at, state, attempt)"
                        + " values (?1, ?2, ?3, ?4, 'SENDING', 'other-attempt')")
                .setParameter(1, key)
                .setParameter(2, address)
                .setParameter(3, EmailTemplate.NEW_SECURE_MESSAGE.name())
                .setParameter(4, at)
                .executeUpdate());
  }

  private static java.util.stream.Stream<Throwable> causes(Throwable e) {
    return java.util.stream.Stream.iterate(e, t -> t != null, Throwable::getCause).limit(20);
  }

  @Test
  void anUnknownUserOrOneWithoutAnAddressGetsNothing() throws Exception {
    String unknown = newKey();
    assertFalse(tx.commit(() -> notifications.newSecureMessage("no.such.user", unknown)));
    assertFalse(tx.commit(() -> notifications.newSecureMessage(null, unknown)));

    String noAddress = newKey();
    assertFalse(
        tx.rollBack(
            () -> {
              em.persist(new PortalUser("it.no-address", "No Address", null, Instant.now()));
              return notifications.newSecureMessage("it.no-address", noAddress);
            }));

    // had anything been queued, its delivery would be recorded once the pipeline is idle
    EmailPipeline.awaitIdle();
    assertTrue(
        tx.commit(
            () ->
                em.find(EmailDelivery.class, unknown) == null
                    && em.find(EmailDelivery.class, noAddress) == null));
  }

  @Test
  void theEmailIsInTheLanguageTheRecipientChose() throws Exception {
    String key = newKey();

    assertTrue(
        tx.commit(
            () -> {
              PortalUser user = user("comms.diaz");
              String before = user.getPreferredLanguage();
              user.preferLanguage("es");
              boolean queued = notifications.newSecureMessage("comms.diaz", key);
              user.preferLanguage(before); // the item has the language; the demo user is as before
              return queued;
            }));

    Received email = Mailbox.awaitOne("comms.diaz@portal.test", sentFor(key));
    assertEquals("Nuevo mensaje seguro en su portal del paciente", email.subject());
    assertTrue(email.text().startsWith("Hola:\n"), email.text());
    assertTrue(email.text().contains("Inicie sesión para leerlo:\n" + INBOX_LINK + "\n"));
    assertEquals("es", email.header("Content-Language"));
  }

  @Test
  void itRefusesToRunOutsideATransaction() {
    assertThrows(
        TransactionalException.class,
        () -> notifications.newSecureMessage("pat.jones", newKey()),
        "MANDATORY: an email queued outside a transaction could outlive its reason");
  }

  private PortalUser user(String username) {
    PortalUser user =
        em.createNamedQuery(PortalUser.BY_USERNAME, PortalUser.class)
            .setParameter("username", username)
            .getSingleResult();
    assertNotNull(user.getEmail());
    return user;
  }

  private static String newKey() {
    return "it/notifications/" + UUID.randomUUID();
  }

  private static Predicate<Received> sentFor(String key) {
    return Received.withMessageId(EmailItem.messageId(key, "portal.test"));
  }
}

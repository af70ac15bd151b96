package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.identity.entity.PortalUser;
import org.patientportal.it.support.Deployments;
import org.patientportal.it.support.Mailbox;
import org.patientportal.it.support.Mailbox.Received;
import org.patientportal.mail.boundary.MailDelivery;
import org.patientportal.mail.boundary.Notifications;
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
  private static final Duration QUIET = Duration.ofSeconds(3);

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(
        NotificationsIT.class, InTransaction.class, Mailbox.class);
  }

  @Inject Notifications notifications;
  @EJB MailDelivery delivery;
  @EJB InTransaction tx;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

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
    Mailbox.assertStays("pat.jones@portal.test", sentFor(key), 1, QUIET);
  }

  @Test
  void aRolledBackTransactionSendsNothing() throws Exception {
    String rolledBack = newKey();
    String committed = newKey();

    assertTrue(tx.rollBack(() -> notifications.newSecureMessage("sam.rivera", rolledBack)));
    assertTrue(tx.commit(() -> notifications.newSecureMessage("sam.rivera", committed)));

    // the committed one, queued after the rolled-back one, arrives; the rolled-back one never does
    Mailbox.awaitOne("sam.rivera@portal.test", sentFor(committed));
    Mailbox.assertNoneArrive("sam.rivera@portal.test", sentFor(rolledBack), QUIET);
    assertNull(tx.commit(() -> em.find(EmailDelivery.class, rolledBack)));
  }

  @Test
  void theSameKeyQueuedTwiceIsOneEmail() throws Exception {
    String key = newKey();

    assertTrue(tx.commit(() -> notifications.newSecureMessage("chris.jones", key)));
    assertTrue(tx.commit(() -> notifications.newSecureMessage("chris.jones", key)));

    Mailbox.awaitOne("chris.jones@portal.test", sentFor(key));
    Mailbox.assertStays("chris.jones@portal.test", sentFor(key), 1, QUIET);
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

    Mailbox.assertStays("dr.smith@portal.test", sentFor(key), 1, QUIET);
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

    // had anything been queued, its delivery would be recorded within moments
    Awaitility.await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(5))
        .until(
            () ->
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

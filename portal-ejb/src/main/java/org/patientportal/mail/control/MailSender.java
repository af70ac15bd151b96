package org.patientportal.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import org.patientportal.mail.entity.EmailItem;
import org.patientportal.platform.boundary.Settings;

/**
 * Sends an email through the server's mail session {@code java:jboss/mail/Portal} (its SMTP server
 * is configured in configure-server.cli), from {@code portal.mail.from} / PORTAL_MAIL_FROM. Plain
 * text in UTF-8, marked as automatic so that out-of-office replies stay away, with a Message-ID
 * that follows from the item's idempotency key.
 */
@ApplicationScoped
public class MailSender {

  static final String CHARSET = "UTF-8";

  @Resource(lookup = "java:jboss/mail/Portal")
  Session session;

  @Inject Clock clock;

  private InternetAddress from;

  MailSender() {
    // for CDI
  }

  MailSender(Session session, Clock clock, String from) {
    this.session = session;
    this.clock = clock;
    this.from = address(from);
  }

  @PostConstruct
  void readSettings() {
    from = address(Settings.get("portal.mail.from", "PORTAL_MAIL_FROM", "no-reply@portal.test"));
  }

  /**
   * Hands the email to the SMTP server.
   *
   * @throws MailNotSentException if it refuses it or cannot be reached
   */
  public void send(EmailItem item, Email email) {
    try {
      Transport.send(compose(item, email));
    } catch (MessagingException e) {
      throw new MailNotSentException(item.idempotencyKey(), e);
    }
  }

  MimeMessage compose(EmailItem item, Email email) throws MessagingException {
    String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
    MimeMessage message =
        new FixedIdMessage(session, EmailItem.messageId(item.idempotencyKey(), domain));
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(item.recipient(), true));
    message.setSubject(email.subject(), CHARSET);
    message.setSentDate(Date.from(clock.instant()));
    message.setText(email.text(), CHARSET);
    message.setHeader("Content-Language", email.language());
    // RFC 3834: no automatic answers (vacation notices) to an automatic email; Exchange's own way
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setHeader("X-Auto-Response-Suppress", "All");
    message.saveChanges();
    return message;
  }

  private static InternetAddress address(String from) {
    try {
      return new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalStateException(
          "portal.mail.from / PORTAL_MAIL_FROM is not an email address: " + from, e);
    }
  }

  /** A message whose Message-ID is chosen, where Jakarta Mail would make a random one at send. */
  private static final class FixedIdMessage extends MimeMessage {

    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}

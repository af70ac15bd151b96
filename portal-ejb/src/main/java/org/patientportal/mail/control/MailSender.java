package org.patientportal.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.mail.entity.EmailItem;

/**
 * Sends an email through the server's mail session {@code java:jboss/mail/Portal} (its SMTP server
 * is configured in configure-server.cli), from {@code portal.mail.from} / PORTAL_MAIL_FROM. Plain
 * text in UTF-8, marked as automatic so that out-of-office replies stay away, with a Message-ID
 * that follows from the item's idempotency key.
 *
 * <p>Never waits forever on the SMTP server: connecting, each read and each write time out after
 * {@code portal.smtp.timeout-seconds} / PORTAL_SMTP_TIMEOUT_SECONDS (10) seconds ({@code
 * mail.smtp.connectiontimeout}, {@code mail.smtp.timeout}, {@code mail.smtp.writetimeout}; values
 * the mail session sets itself win). Jakarta Mail's default is to wait forever, so a dead or
 * stalled server held every delivery thread and then the server's shutdown. A timeout is a failed
 * attempt like any other: the queue delivers the item again later, finally to its dead-letter
 * queue.
 *
 * <p>SMTP connections are kept open between emails ({@link SmtpConnections}): a delivery costs the
 * MAIL, RCPT and DATA exchanges, not a new connection, greeting, EHLO and QUIT each time.
 */
@ApplicationScoped
public class MailSender {

  static final String CHARSET = "UTF-8";

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(MailSender.class.getName());

  @Resource(lookup = "java:jboss/mail/Portal")
  Session session;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "portal.mail.from", defaultValue = "no-reply@portal.test")
  String fromSetting;

  @Inject
  @ConfigProperty(name = "portal.smtp.timeout-seconds", defaultValue = "10")
  int timeoutSeconds;

  private InternetAddress from;

  private SmtpConnections connections;

  MailSender() {
    // for CDI
  }

  MailSender(Session session, Clock clock, String from, int timeoutSeconds) {
    this.session = session;
    this.clock = clock;
    this.from = address(from);
    limitWaits(session.getProperties(), timeoutSeconds);
    this.connections = new SmtpConnections(session, clock);
  }

  @PostConstruct
  void readSettings() {
    from = address(fromSetting);
    limitWaits(session.getProperties(), timeoutSeconds);
    connections = new SmtpConnections(session, clock);
  }

  /**
   * Sets the SMTP connect, read and write timeouts that {@code properties} (a session's own, which
   * Jakarta Mail reads at every connection) does not set already.
   */
  static void limitWaits(java.util.Properties properties, int seconds) {
    if (seconds < 1) {
      throw new IllegalStateException(
          "portal.smtp.timeout-seconds / PORTAL_SMTP_TIMEOUT_SECONDS must be at least 1, not "
              + seconds);
    }
    String millis = String.valueOf(seconds * 1000L);
    for (String name : TIMEOUTS) {
      properties.putIfAbsent(name, millis);
    }
  }

  /** Connect, read (each reply of the server) and write (each block sent) timeouts. */
  static final java.util.List<String> TIMEOUTS =
      java.util.List.of(
          "mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout");

  /**
   * Hands the email to the SMTP server.
   *
   * @throws MailNotSentException if it refuses it or cannot be reached
   */
  public void send(EmailItem item, Email email) {
    send(item, email, () -> {});
  }

  /**
   * Hands the email to the SMTP server over a connection kept open for the next email, and runs
   * {@code accepted} as soon as the server has taken it (its reply to the end of DATA), before
   * anything else is said on the connection: recording the delivery then costs no further round
   * trip, so a crash between the server's acceptance and that record is as unlikely as it can be.
   * If {@code accepted} throws, the email still went out; the exception is passed on.
   *
   * @throws MailNotSentException if the server refuses the email or cannot be reached
   */
  public void send(EmailItem item, Email email, Runnable accepted) {
    MimeMessage message;
    try {
      message = compose(item, email);
    } catch (MessagingException e) {
      throw notSent(item, e);
    }
    SmtpConnections.Lease lease = null;
    try {
      lease = connections.take();
      try {
        lease.transport().sendMessage(message, message.getAllRecipients());
      } catch (MessagingException e) {
        if (!lease.reused()) {
          throw e;
        }
        // a kept connection the server had closed meanwhile: once more on a new one
        lease.discard();
        lease = connections.fresh();
        lease.transport().sendMessage(message, message.getAllRecipients());
      }
    } catch (MessagingException e) {
      if (lease != null) {
        lease.discard();
      }
      throw notSent(item, e);
    }
    try {
      accepted.run();
    } finally {
      lease.giveBack();
    }
  }

  private MailNotSentException notSent(EmailItem item, MessagingException e) {
    // why, for whoever runs the SMTP server: the cause chain (the SMTP server's answers, the
    // network errors), never the email's content
    String why = causes(e);
    LOG.warning(
        () ->
            "The email of idempotency key "
                + item.idempotencyKey()
                + " was not sent (it is tried again later): "
                + why);
    return new MailNotSentException(item.idempotencyKey(), why, e);
  }

  /** Says goodbye (QUIT) on the kept connections when the application stops. */
  @PreDestroy
  void closeConnections() {
    connections.closeAll();
  }

  /**
   * Each exception of the chain as "Type: message", outermost first, joined by " <- " (e.g. the
   * SMTP server's refusal, or "ConnectException: Connection refused").
   */
  static String causes(Throwable failure) {
    StringBuilder chain = new StringBuilder();
    java.util.Set<Throwable> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Throwable t = failure;
    while (t != null && seen.add(t)) {
      if (!chain.isEmpty()) {
        chain.append(" <- ");
      }
      chain.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        chain.append(": ").append(t.getMessage().strip());
      }
      // MessagingException keeps its cause as the "next exception" too
      t =
          t instanceof MessagingException m && m.getNextException() != null
              ? m.getNextException()
              : t.getCause();
    }
    return chain.toString();
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

package org.patientportal.mail.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.patientportal.mail.entity.EmailItem;
import org.patientportal.mail.entity.EmailTemplate;

class MailSenderTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final String KEY = "message/42/pat.jones";

  private final Session session = Session.getInstance(new Properties());
  private final MailSender sender =
      new MailSender(session, Clock.fixed(NOW, ZoneOffset.UTC), "no-reply@portal.test", 10);
  private final EmailItem item =
      new EmailItem(KEY, "pat.jones@portal.test", "es", EmailTemplate.NEW_SECURE_MESSAGE);
  private final Email email =
      new EmailTemplates("https://portal.test").compose(item.template(), item.language());

  @Test
  void composesPlainUtf8TextMarkedAsAutomatic() throws Exception {
    MimeMessage message = sender.compose(item, email);

    assertArrayEquals(
        new InternetAddress[] {new InternetAddress("no-reply@portal.test")}, message.getFrom());
    assertArrayEquals(
        new InternetAddress[] {new InternetAddress("pat.jones@portal.test")},
        message.getRecipients(Message.RecipientType.TO));
    assertEquals(email.subject(), message.getSubject());
    assertEquals(Date.from(NOW), message.getSentDate());
    assertTrue(message.isMimeType("text/plain"), message.getContentType());
    assertEquals("UTF-8", new ContentType(message.getContentType()).getParameter("charset"));
    assertEquals(email.text(), message.getContent());
    assertEquals("auto-generated", message.getHeader("Auto-Submitted", ","));
    assertEquals("All", message.getHeader("X-Auto-Response-Suppress", ","));
    assertEquals("es", message.getHeader("Content-Language", ","));
    assertEquals(EmailItem.messageId(KEY, "portal.test"), message.getMessageID());
  }

  @Test
  void keepsItsMessageIdWhenSentAndReadsBackTheSame() throws Exception {
    MimeMessage message = sender.compose(item, email);
    message.saveChanges(); // as Transport.send does
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);

    MimeMessage read = new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray()));
    assertEquals(EmailItem.messageId(KEY, "portal.test"), read.getMessageID());
    assertEquals(email.subject(), read.getSubject());
    assertEquals(email.text(), read.getContent().toString().replace("\r\n", "\n"));
    String wire = raw.toString(StandardCharsets.US_ASCII);
    assertTrue(wire.contains("Auto-Submitted: auto-generated"), wire);
  }

  @Test
  void refusesASenderThatIsNoAddress() {
    assertThrows(
        IllegalStateException.class,
        () -> new MailSender(session, Clock.systemUTC(), "not an address", 10));
  }

  @Test
  void anSmtpServerThatCannotBeReachedFailsTheDelivery() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(closedPort));
    properties.put("mail.smtp.connectiontimeout", "2000");
    MailSender unreachable =
        new MailSender(
            Session.getInstance(properties), Clock.systemUTC(), "no-reply@portal.test", 10);

    java.util.List<java.util.logging.LogRecord> logged = new java.util.ArrayList<>();
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            logged.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(MailSender.class.getName());
    log.addHandler(handler);
    MailNotSentException e;
    try {
      e = assertThrows(MailNotSentException.class, () -> unreachable.send(item, email));
    } finally {
      log.removeHandler(handler);
    }
    assertTrue(e.getMessage().contains(KEY));
    // the cause chain down to the network's refusal, in the exception and in the log
    assertTrue(e.getMessage().contains("ConnectException: Connection refused"), e.getMessage());
    assertEquals(1, logged.size());
    String line = logged.get(0).getMessage();
    assertTrue(line.contains(KEY) && line.contains("Connection refused"), line);
    // never the email's content
    assertTrue(!line.contains(email.subject()) && !line.contains(email.text().strip()), line);
  }

  @Test
  void anSmtpServerThatAcceptsAndNeverAnswersFailsTheDeliveryInsteadOfHanging() throws Exception {
    // a server that takes the connection and then says nothing: no greeting, ever
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      java.util.List<java.net.Socket> accepted =
          java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (java.io.IOException closed) {
                  // the test is over
                }
              });
      acceptor.start();
      Properties properties = new Properties();
      properties.put("mail.smtp.host", "127.0.0.1");
      properties.put("mail.smtp.port", String.valueOf(silent.getLocalPort()));
      MailSender stalled =
          new MailSender(
              Session.getInstance(properties), Clock.systemUTC(), "no-reply@portal.test", 1);
      try {
        // the guard only stops the test should the timeout not work; the assertion is the throw
        MailNotSentException e =
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofMinutes(2),
                () -> assertThrows(MailNotSentException.class, () -> stalled.send(item, email)));
        assertTrue(e.getMessage().contains("SocketTimeoutException"), e.getMessage());
        assertEquals(1, accepted.size(), "it did connect, then gave up waiting for the greeting");
      } finally {
        silent.close();
        acceptor.join();
        for (java.net.Socket socket : accepted) {
          socket.close();
        }
      }
    }
  }

  @Test
  void setsTheThreeTimeoutsUnlessTheMailSessionSetsThem() {
    Properties properties = new Properties();
    properties.put("mail.smtp.timeout", "2500");

    MailSender.limitWaits(properties, 10);

    assertEquals("10000", properties.get("mail.smtp.connectiontimeout"));
    assertEquals("2500", properties.get("mail.smtp.timeout"), "the session's own value stays");
    assertEquals("10000", properties.get("mail.smtp.writetimeout"));
    assertThrows(IllegalStateException.class, () -> MailSender.limitWaits(new Properties(), 0));
  }
}

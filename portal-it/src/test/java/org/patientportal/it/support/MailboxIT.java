package org.patientportal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Mailbox.Received;

/**
 * The mail catcher that the build starts, read through {@link Mailbox} from the test JVM (as the
 * HTTP tests will): what goes in over SMTP comes out over IMAP, decoded, and can be cleared.
 */
class MailboxIT {

  @Test
  void whatIsSentOverSmtpIsReadOverImapAndCleared() throws Exception {
    String address = "mailbox-it." + UUID.randomUUID() + "@portal.test";
    Instant before = Instant.now().minusSeconds(1);
    send(address, "<first@mailbox-it>", "Prueba número 1", "Línea uno\nLínea dos");
    send(address, "<second@mailbox-it>", "Prueba número 2", "Otra");

    Received first = Mailbox.awaitOne(address, Received.withMessageId("<first@mailbox-it>"));
    assertEquals("Prueba número 1", first.subject());
    assertEquals("Línea uno\nLínea dos", first.text());
    assertEquals("auto-generated", first.header("auto-submitted"), "header names ignore case");
    assertTrue(first.raw().contains("Content-Transfer-Encoding: quoted-printable"), first.raw());
    assertNotNull(first.receivedAt());
    assertTrue(
        !first.receivedAt().isBefore(before.minusSeconds(60)), first.receivedAt().toString());
    Mailbox.awaitOne(address, Received.withMessageId("<second@mailbox-it>"));
    assertEquals(2, Mailbox.messagesTo(address).size());

    Mailbox.clear(address);
    assertEquals(0, Mailbox.messagesTo(address).size());
    Mailbox.assertStays(address, received -> true, 0, Duration.ofMillis(500));
  }

  private static void send(String to, String messageId, String subject, String text)
      throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", Mailbox.HOST);
    properties.put("mail.smtp.port", "3025");
    MimeMessage message =
        new MimeMessage(Session.getInstance(properties)) {
          @Override
          protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom("mailbox-it@portal.test");
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    message.setHeader("Auto-Submitted", "auto-generated");
    Transport.send(message);
  }
}

package org.patientportal.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patientportal.mail.entity.EmailItem;
import org.patientportal.mail.entity.EmailTemplate;

/**
 * Kept SMTP connections, against a scripted SMTP server on a loopback port that writes down the
 * conversation: emails share one connection, the delivery is recorded right after the server's
 * reply to DATA (before any QUIT), and a connection the server dropped is replaced.
 */
class SmtpConnectionsTest {

  private final List<String> said = Collections.synchronizedList(new ArrayList<>());
  private ScriptedSmtp server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private MailSender sender(Clock clock) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(server.port()));
    return new MailSender(Session.getInstance(properties), clock, "no-reply@portal.test", 5);
  }

  private static EmailItem item(int n) {
    return new EmailItem(
        "message/" + n + "/pat.jones",
        "pat.jones@portal.test",
        "es",
        EmailTemplate.NEW_SECURE_MESSAGE);
  }

  private static Email email(EmailItem item) {
    return new EmailTemplates("https://portal.test").compose(item.template(), item.language());
  }

  @Test
  void emailsShareOneConnectionAndAreRecordedBeforeAnythingElseIsSaid() throws Exception {
    server = new ScriptedSmtp(said, false);
    MailSender sender = sender(Clock.systemUTC());
    for (int n = 1; n <= 3; n++) {
      EmailItem item = item(n);
      int number = n;
      sender.send(item, email(item), () -> said.add("recorded " + number));
    }
    sender.closeConnections();
    server.awaitClosedConnections(1);

    assertEquals(1, server.connections(), said.toString());
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      expected.add("end of DATA");
      expected.add("recorded " + n);
    }
    expected.add("QUIT");
    assertEquals(
        expected,
        said.stream()
            .filter(
                s ->
                    !s.startsWith("MAIL")
                        && !s.startsWith("RCPT")
                        && !s.startsWith("EHLO")
                        && !s.equals("DATA")
                        && !s.equals("connected"))
            .toList());
  }

  @Test
  void aConnectionTheServerDroppedIsReplacedAndTheEmailStillGoesOut() throws Exception {
    server = new ScriptedSmtp(said, true); // hangs up after each email, without a word
    MailSender sender = sender(Clock.systemUTC());
    List<String> recorded = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      EmailItem item = item(n);
      int number = n;
      sender.send(item, email(item), () -> recorded.add("recorded " + number));
    }
    assertEquals(List.of("recorded 1", "recorded 2", "recorded 3"), recorded);
    assertEquals(3, said.stream().filter("end of DATA"::equals).count(), said.toString());
    assertEquals(3, server.connections());
  }

  @Test
  void aConnectionIdleForTooLongIsNotReused() throws Exception {
    server = new ScriptedSmtp(said, false);
    Instant[] now = {Instant.parse("2026-11-30T10:00:00Z")};
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    MailSender sender = sender(clock);
    sender.send(item(1), email(item(1)), () -> {});
    now[0] = now[0].plus(SmtpConnections.IDLE_LIMIT).plusSeconds(1);
    sender.send(item(2), email(item(2)), () -> {});

    assertEquals(2, server.connections());
    server.awaitClosedConnections(1); // the stale one was closed (QUIT), not left open
    assertTrue(said.contains("QUIT"), said.toString());
  }

  @Test
  void aRefusedEmailIsNotRecordedAndTheFailureSaysWhy() throws Exception {
    server = new ScriptedSmtp(said, false);
    server.refuseRecipients = true;
    MailSender sender = sender(Clock.systemUTC());
    List<String> recorded = new ArrayList<>();
    MailNotSentException e =
        assertThrows(
            MailNotSentException.class,
            () -> sender.send(item(1), email(item(1)), () -> recorded.add("recorded")));
    assertTrue(e.getMessage().contains("550"), e.getMessage());
    assertEquals(List.of(), recorded);
  }

  /** Enough of an SMTP server to take emails and write down what the client said. */
  private static final class ScriptedSmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> said;
    private final boolean hangUpAfterEachEmail;
    private final Thread acceptor;
    private final List<Socket> clients = Collections.synchronizedList(new ArrayList<>());
    private int connections;
    private int closed;
    volatile boolean refuseRecipients;

    ScriptedSmtp(List<String> said, boolean hangUpAfterEachEmail) throws IOException {
      this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      this.said = said;
      this.hangUpAfterEachEmail = hangUpAfterEachEmail;
      this.acceptor = new Thread(this::accept, "scripted-smtp");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    synchronized int connections() {
      return connections;
    }

    synchronized void awaitClosedConnections(int n) throws InterruptedException {
      long until = System.nanoTime() + 10_000_000_000L;
      while (closed < n && System.nanoTime() < until) {
        wait(100);
      }
    }

    private void accept() {
      try {
        while (true) {
          Socket client = socket.accept();
          clients.add(client);
          synchronized (this) {
            connections++;
          }
          Thread t = new Thread(() -> converse(client), "scripted-smtp-client");
          t.setDaemon(true);
          t.start();
        }
      } catch (IOException stopped) {
        // closed by the test
      }
    }

    private void converse(Socket client) {
      try (client;
          InputStream in = client.getInputStream();
          OutputStream out = client.getOutputStream()) {
        said.add("connected");
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = readLine(in)) != null) {
          String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
          if (verb.equals("EHLO") || verb.equals("HELO")) {
            said.add("EHLO");
            reply(out, "250 scripted");
          } else if (verb.equals("MAIL")) {
            said.add("MAIL");
            reply(out, "250 OK");
          } else if (verb.equals("RCPT")) {
            said.add("RCPT");
            reply(out, refuseRecipients ? "550 no such user here" : "250 OK");
          } else if (verb.equals("RSET") || verb.equals("NOOP")) {
            said.add(verb);
            reply(out, "250 OK");
          } else if (verb.equals("DATA")) {
            said.add("DATA");
            reply(out, "354 go on");
            String text;
            while ((text = readLine(in)) != null && !text.equals(".")) {
              // the email is thrown away
            }
            said.add("end of DATA");
            reply(out, "250 taken");
            if (hangUpAfterEachEmail) {
              return;
            }
          } else if (verb.equals("QUIT")) {
            said.add("QUIT");
            reply(out, "221 bye");
            return;
          } else {
            reply(out, "502 not here");
          }
        }
      } catch (IOException gone) {
        // the client went away
      } finally {
        synchronized (this) {
          closed++;
          notifyAll();
        }
      }
    }

    private static void reply(OutputStream out, String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          int end = line.length();
          if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
          }
          return line.toString();
        }
        line.append((char) b);
      }
      return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() throws Exception {
      socket.close();
      acceptor.join(5000);
      synchronized (clients) {
        for (Socket c : clients) {
          c.close();
        }
      }
    }
  }
}

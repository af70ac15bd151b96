package org.patientportal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The mail catcher's mailboxes, read over IMAP: the build starts GreenMail (SMTP 3025, IMAP 3143,
 * portal-ear/src/main/scripts/mail-catcher.sh) without authentication, so every address is a login
 * that any password opens. Works in the test JVM and inside the server (in-container tests).
 *
 * <p>Tests stay independent by telling their email apart: the portal derives an email's Message-ID
 * from its idempotency key ({@code EmailItem.messageId}), so a test that chose a fresh key finds
 * exactly its own email; {@link #clear} empties a mailbox for tests that cannot.
 */
public final class Mailbox {

  public static final String HOST = System.getProperty("mail.catcher.host", "127.0.0.1");
  public static final int IMAP_PORT = Integer.getInteger("mail.catcher.imap.port", 3143);

  /** How long to wait for an email the portal has queued: its queue delivers in well under this. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Session PARSING = Session.getInstance(new Properties());

  private Mailbox() {}

  /** One email as the mail catcher holds it. */
  public record Received(
      String messageId,
      String subject,
      String text,
      Map<String, List<String>> headers,
      String raw,
      Instant receivedAt) {

    /** The first value of a header (names ignore case), or null. */
    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Selects the email with this Message-ID; the mail catcher searches for it, so a poll reads
     * only the matching emails, not a whole inbox of hundreds.
     */
    public static Predicate<Received> withMessageId(String messageId) {
      return new WithMessageId(messageId);
    }
  }

  /**
   * The selection by Message-ID that {@link #messagesTo(String, Predicate)} asks the server for.
   */
  private record WithMessageId(String messageId) implements Predicate<Received> {
    @Override
    public boolean test(Received received) {
      return messageId.equals(received.messageId());
    }
  }

  /** Every email in the address's inbox, oldest first. */
  public static List<Received> messagesTo(String address) {
    return withInbox(
        address,
        Folder.READ_ONLY,
        inbox -> {
          List<Received> all = new ArrayList<>();
          for (Message message : inbox.getMessages()) {
            all.add(read(message));
          }
          return all;
        });
  }

  /** The emails in the address's inbox that {@code which} selects. */
  public static List<Received> messagesTo(String address, Predicate<Received> which) {
    if (which instanceof WithMessageId byId) {
      return withInbox(
          address,
          Folder.READ_ONLY,
          inbox -> {
            List<Received> found = new ArrayList<>();
            // IMAP SEARCH HEADER is a substring match: the exact comparison is the predicate's
            for (Message message : inbox.search(new HeaderTerm("Message-ID", byId.messageId()))) {
              Received received = read(message);
              if (byId.test(received)) {
                found.add(received);
              }
            }
            return found;
          });
    }
    return messagesTo(address).stream().filter(which).toList();
  }

  /**
   * Waits (up to {@link #TIMEOUT}) until an email that {@code which} selects is in the address's
   * inbox and returns it; fails if there is more than one.
   */
  public static Received awaitOne(String address, Predicate<Received> which) {
    List<Received> found =
        Awaitility.await("an email to " + address)
            .atMost(TIMEOUT)
            .pollInterval(POLL)
            .until(() -> messagesTo(address, which), list -> !list.isEmpty());
    assertEquals(1, found.size(), () -> "exactly one such email to " + address + ": " + found);
    return found.get(0);
  }

  /**
   * Asserts that the address's inbox holds exactly {@code count} emails that {@code which} selects
   * for all of {@code during}: no late or repeated delivery adds one.
   */
  public static void assertStays(
      String address, Predicate<Received> which, int count, Duration during) {
    // The margin past the quiet period is the general timeout: every poll reads the whole inbox
    // over IMAP, and in the full suite a clinician's inbox holds hundreds of emails, so a few slow
    // polls must not fail a period that did stay quiet. A late email still fails it (at the end).
    Awaitility.await(count + " such emails to " + address + " for " + during)
        .during(during)
        .atMost(during.plus(TIMEOUT))
        .pollInterval(POLL)
        .until(() -> messagesTo(address, which).size(), n -> n == count);
  }

  /** Asserts that no email that {@code which} selects reaches the address within {@code during}. */
  public static void assertNoneArrive(String address, Predicate<Received> which, Duration during) {
    assertStays(address, which, 0, during);
  }

  /** Deletes every email in the address's inbox. */
  public static void clear(String address) {
    withInbox(
        address,
        Folder.READ_WRITE,
        inbox -> {
          Message[] all = inbox.getMessages();
          if (all.length > 0) {
            inbox.setFlags(all, new Flags(Flags.Flag.DELETED), true);
          }
          return null;
        });
  }

  private interface InboxWork<T> {
    T run(Folder inbox) throws MessagingException, IOException;
  }

  private static <T> T withInbox(String address, int mode, InboxWork<T> work) {
    Properties properties = new Properties();
    properties.put("mail.imap.host", HOST);
    properties.put("mail.imap.port", String.valueOf(IMAP_PORT));
    properties.put("mail.imap.connectiontimeout", "5000");
    properties.put("mail.imap.timeout", "10000");
    try {
      Store store = Session.getInstance(properties).getStore("imap");
      store.connect(address, "any password");
      try {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(mode);
        try {
          return work.run(inbox);
        } finally {
          inbox.close(mode == Folder.READ_WRITE); // expunge what was marked deleted
        }
      } finally {
        store.close();
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(
          "Cannot read " + address + " from the mail catcher at " + HOST + ":" + IMAP_PORT, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Received read(Message message) throws MessagingException, IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    message.writeTo(bytes);
    // a copy that no longer needs the IMAP connection
    MimeMessage copy = new MimeMessage(PARSING, new ByteArrayInputStream(bytes.toByteArray()));
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Header header : Collections.list(copy.getAllHeaders())) {
      headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
    }
    Instant received =
        message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant();
    return new Received(
        copy.getMessageID(),
        copy.getSubject(),
        plainText(copy),
        Collections.unmodifiableMap(headers),
        bytes.toString(StandardCharsets.UTF_8),
        received);
  }

  /**
   * The text/plain part, with the line ends of Java strings; null if there is none. (GreenMail
   * keeps a body without its last line end: SMTP's end-of-data takes it.)
   */
  private static String plainText(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString().replace("\r\n", "\n");
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String text = plainText(body);
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}

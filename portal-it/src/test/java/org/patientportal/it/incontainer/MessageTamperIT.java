package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.crypto.entity.SealBrokenException;
import org.patientportal.it.support.Deployments;
import org.patientportal.messaging.boundary.MessagingGuidelines;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.MessageDetail;
import org.patientportal.messaging.entity.NewAttachment;
import org.patientportal.messaging.entity.Reply;
import org.patientportal.messaging.entity.StartThread;
import org.patientportal.messaging.entity.ThreadDetail;
import org.patientportal.messaging.entity.ThreadListQuery;

/**
 * Tampering with what the database holds of a message (a ciphertext, nonce, wrapped key or key
 * version, or the ids a seal is bound to) makes opening it fail loudly with SealBrokenException; it
 * never yields other text. Each case restores the row and checks the message reads again.
 */
@ExtendWith(ArquillianExtension.class)
class MessageTamperIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(MessageTamperIT.class, AsPatient.class);
  }

  @EJB AsPatient asPatient;
  @EJB MessagingService messaging;
  @EJB MessagingGuidelines guidelines;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  long thread;
  long otherThread;
  long first;
  long second;
  long attachment;
  static final byte[] PDF = "%PDF-1.4\n% scan\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  @BeforeEach
  void twoThreadsOfPatJones() throws Exception {
    thread =
        asPatient.call(
            () -> {
              guidelines.accept(guidelines.guidelines("en").getSha256(), "en");
              long id =
                  messaging.startThread(
                      new StartThread(
                          "dr.smith",
                          Category.TEST_RESULT,
                          "My results",
                          "First message.",
                          false,
                          List.of(new NewAttachment("scan.pdf", PDF)),
                          null));
              messaging.reply(new Reply(id, "Second message.", false, List.of()));
              return id;
            });
    otherThread =
        asPatient.call(
            () ->
                messaging.startThread(
                    new StartThread(
                        "dr.smith",
                        Category.GENERAL,
                        "Another",
                        "Other thread.",
                        false,
                        List.of(),
                        null)));
    ThreadDetail opened = open(thread);
    first = opened.getMessages().get(0).getId();
    second = opened.getMessages().get(1).getId();
    attachment = opened.getMessages().get(0).getAttachments().get(0).getId();
  }

  @Test
  void randomFlipsOfAnyByteOfABodyAreCaught() throws Exception {
    Random random = new Random(20261125L);
    for (String column : List.of("body_ciphertext", "body_nonce", "body_wrapped_key")) {
      byte[] original = bytes("message", column, first);
      for (int i = 0; i < 15; i++) {
        byte[] altered = original.clone();
        altered[random.nextInt(altered.length)] ^= (byte) (1 + random.nextInt(255));
        update("update message set " + column + " = ? where id = ?", altered, first);
        assertBroken(() -> open(thread), column + " altered");
      }
      update("update message set " + column + " = ? where id = ?", original, first);
      assertEquals("First message.", open(thread).getMessages().get(0).getBody());
    }
  }

  @Test
  void aTruncatedCiphertextOrAnUnknownKeyVersionIsCaught() throws Exception {
    byte[] original = bytes("message", "body_ciphertext", first);
    update(
        "update message set body_ciphertext = ? where id = ?",
        java.util.Arrays.copyOf(original, original.length - 1),
        first);
    assertBroken(() -> open(thread), "truncated");
    update("update message set body_ciphertext = ? where id = ?", original, first);

    int version = integer("select body_key_version from message where id = " + first);
    update("update message set body_key_version = ? where id = ?", 999, first);
    assertBroken(() -> open(thread), "unknown key version");
    update("update message set body_key_version = ? where id = ?", version, first);
    assertEquals("First message.", open(thread).getMessages().get(0).getBody());
  }

  @Test
  void swappingTwoBodiesIsCaught() throws Exception {
    String[] columns = {"body_ciphertext", "body_nonce", "body_wrapped_key"};
    byte[][] a = new byte[3][];
    byte[][] b = new byte[3][];
    for (int i = 0; i < 3; i++) {
      a[i] = bytes("message", columns[i], first);
      b[i] = bytes("message", columns[i], second);
    }
    setBody(first, b);
    setBody(second, a);
    assertBroken(() -> open(thread), "bodies swapped");
    setBody(first, a);
    setBody(second, b);
    List<MessageDetail> messages = open(thread).getMessages();
    assertEquals("First message.", messages.get(0).getBody());
    assertEquals("Second message.", messages.get(1).getBody());
  }

  @Test
  void movingAMessageToAnotherThreadIsCaught() throws Exception {
    update("update message set thread_id = ? where id = ?", otherThread, second);
    assertBroken(() -> open(otherThread), "message moved to another thread");
    update("update message set thread_id = ? where id = ?", thread, second);
    assertEquals(2, open(thread).getMessages().size());
  }

  @Test
  void anAlteredSubjectIsCaughtInListsAndOpens() throws Exception {
    byte[] original = bytes("message_thread", "subject_ciphertext", thread);
    byte[] altered = original.clone();
    altered[0] ^= 1;
    update("update message_thread set subject_ciphertext = ? where id = ?", altered, thread);
    assertBroken(() -> open(thread), "subject altered");
    assertBroken(
        () -> asPatient.call(() -> messaging.threads(ThreadListQuery.all(100))),
        "subject altered, in the inbox");
    update("update message_thread set subject_ciphertext = ? where id = ?", original, thread);
    assertEquals("My results", open(thread).getSummary().getSubject());
  }

  @Test
  void anAlteredAttachmentIsCaughtAtDownload() throws Exception {
    byte[] original = bytes("attachment_content", "content_ciphertext", attachment);
    byte[] altered = original.clone();
    altered[altered.length / 2] ^= 0x40;
    update(
        "update attachment_content set content_ciphertext = ? where attachment_id = ?",
        altered,
        attachment);
    assertBroken(() -> asPatient.call(() -> messaging.download(thread, attachment)), "content");
    update(
        "update attachment_content set content_ciphertext = ? where attachment_id = ?",
        original,
        attachment);
    assertArrayEquals(PDF, asPatient.call(() -> messaging.download(thread, attachment)).content());
  }

  private ThreadDetail open(long id) throws Exception {
    return asPatient.call(() -> messaging.open(id));
  }

  private static void assertBroken(Callable<?> work, String what) {
    Exception thrown = assertThrows(Exception.class, work::call, what);
    boolean broken = false;
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      broken |= t instanceof SealBrokenException;
    }
    assertTrue(broken, what + ": expected a SealBrokenException, got " + thrown);
  }

  private void setBody(long id, byte[][] values) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update message set body_ciphertext = ?, body_nonce = ?, body_wrapped_key = ?"
                    + " where id = ?")) {
      s.setBytes(1, values[0]);
      s.setBytes(2, values[1]);
      s.setBytes(3, values[2]);
      s.setLong(4, id);
      assertEquals(1, s.executeUpdate());
    }
  }

  private byte[] bytes(String table, String column, long id) throws SQLException {
    String key = table.equals("attachment_content") ? "attachment_id" : "id";
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement("select " + column + " from " + table + " where " + key + " = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next());
        return r.getBytes(1);
      }
    }
  }

  private int integer(String sql) throws SQLException {
    try (Connection c = database.getConnection();
        ResultSet r = c.createStatement().executeQuery(sql)) {
      assertTrue(r.next());
      return r.getInt(1);
    }
  }

  private void update(String sql, Object value, long id) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, value);
      s.setLong(2, id);
      assertEquals(1, s.executeUpdate(), sql);
    }
  }
}

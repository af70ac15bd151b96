package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.it.support.Deployments;
import org.patientportal.messaging.boundary.MessagingGuidelines;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.NewAttachment;
import org.patientportal.messaging.entity.StartThread;

/**
 * A message written with a unique marker (in its subject, body, attachment name and content) is
 * found nowhere at rest: not in any raw row of any table, not in the database's files (H2's file,
 * or PostgreSQL's relation files and write-ahead log), not in the JMS journal, not in the server's
 * data folder or logs, in UTF-8 or UTF-16. Positive controls prove the search works: a marker
 * stored as plain text in the database and one sent through JMS are found in the same places.
 */
@ExtendWith(ArquillianExtension.class)
class MessageAtRestIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(MessageAtRestIT.class, AsPatient.class);
  }

  @EJB AsPatient asPatient;
  @EJB MessagingService messaging;
  @EJB MessagingGuidelines guidelines;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  @Resource(lookup = "java:/jms/queue/EmailDLQ")
  Queue deadLetters;

  @Inject JMSContext jms;

  @Test
  void aMessageLeavesNoPlainTextAtRest() throws Exception {
    String marker = "secret" + UUID.randomUUID().toString().replace("-", "");
    String plainControl = "plainctl" + UUID.randomUUID().toString().replace("-", "");
    String jmsControl = "jmsctl" + UUID.randomUUID().toString().replace("-", "");

    asPatient.call(
        () -> {
          guidelines.accept(guidelines.guidelines("en").getSha256(), "en");
          return messaging.startThread(
              new StartThread(
                  "dr.smith",
                  Category.GENERAL,
                  "Subject " + marker,
                  "My body text " + marker + " ends here.",
                  true,
                  List.of(
                      new NewAttachment(
                          marker + ".pdf",
                          ("%PDF-1.4\n% " + marker + "\n%%EOF\n")
                              .getBytes(StandardCharsets.UTF_8))),
                  null));
        });

    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into portal_user (id, version, username, display_name, created_at) values"
              + " (nextval('portal_user_seq'), 0, '"
              + plainControl
              + "', '"
              + plainControl
              + "', current_timestamp)");
    }
    jms.createProducer().setProperty("control", jmsControl).send(deadLetters, jmsControl);

    try {
      checkpoint();
      List<String> rowsWithMarker = rowsContaining(marker);
      List<Path> filesWithMarker = filesContaining(marker);
      List<String> dbFilesWithMarker = postgresFilesContaining(marker);

      assertFalse(rowsContaining(plainControl).isEmpty(), "the row search finds plain text");
      Path data = Path.of(System.getProperty("jboss.server.data.dir"));
      if (isH2()) {
        assertTrue(
            filesContaining(plainControl).stream().anyMatch(p -> p.toString().endsWith(".mv.db")),
            "the file search finds plain text in H2's file");
      } else {
        assertFalse(
            postgresFilesContaining(plainControl).isEmpty(),
            "the file search finds plain text in PostgreSQL's files");
      }
      assertTrue(
          filesContaining(jmsControl).stream()
              .anyMatch(p -> p.startsWith(data.resolve("activemq"))),
          "the file search finds a JMS message's text in the journal");

      assertEquals(List.of(), rowsWithMarker, "raw rows holding the marker");
      assertEquals(List.of(), filesWithMarker, "server files holding the marker");
      assertEquals(List.of(), dbFilesWithMarker, "PostgreSQL files holding the marker");
    } finally {
      try (Connection c = database.getConnection();
          Statement s = c.createStatement()) {
        s.executeUpdate("delete from portal_user where username = '" + plainControl + "'");
      }
      try (JMSConsumer consumer =
          jms.createConsumer(deadLetters, "control = '" + jmsControl + "'")) {
        Message gone = consumer.receive(10_000);
        assertTrue(gone != null, "the JMS control message is taken back");
      }
    }
  }

  private boolean isH2() throws SQLException {
    try (Connection c = database.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    }
  }

  /** Writes what the database holds in memory to its files. */
  private void checkpoint() throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      s.execute(isH2() ? "checkpoint sync" : "checkpoint");
    }
  }

  /** "table.column" of every raw value, of every table, holding {@code text}. */
  private List<String> rowsContaining(String text) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = database.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet t =
          c.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
        while (t.next()) {
          String schema = t.getString("TABLE_SCHEM");
          if (schema != null && schema.equalsIgnoreCase("public")) {
            tables.add(t.getString("TABLE_NAME"));
          }
        }
      }
      assertTrue(tables.size() >= 10, "the portal's tables are found: " + tables);
      for (String table : tables) {
        try (Statement s = c.createStatement();
            ResultSet rows = s.executeQuery("select * from " + table)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              Object value = rows.getObject(i);
              boolean hit =
                  value instanceof byte[] bytes
                      ? holds(bytes, text)
                      : value != null && String.valueOf(value).contains(text);
              if (hit) {
                found.add(table + "." + rows.getMetaData().getColumnName(i));
              }
            }
          }
        }
      }
    }
    return found;
  }

  /** Files under the server's data and log folders holding {@code text}. */
  private static List<Path> filesContaining(String text) throws IOException {
    List<Path> found = new ArrayList<>();
    for (String dir : List.of("jboss.server.data.dir", "jboss.server.log.dir")) {
      try (Stream<Path> files = Files.walk(Path.of(System.getProperty(dir)))) {
        files
            .filter(Files::isRegularFile)
            .forEach(
                f -> {
                  try {
                    if (holds(Files.readAllBytes(f), text)) {
                      found.add(f);
                    }
                  } catch (IOException e) {
                    if (Files.exists(f)) {
                      throw new UncheckedIOException(e);
                    }
                  }
                });
      }
    }
    return found;
  }

  /**
   * On PostgreSQL, the files of this database and the write-ahead log holding {@code text}, read
   * through the server (pg_read_binary_file; the test role is a superuser). Empty on H2.
   */
  private List<String> postgresFilesContaining(String text) throws SQLException {
    if (isH2()) {
      return List.of();
    }
    List<String> files = new ArrayList<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery(
              "select 'base/' || d.oid || '/' || f from pg_database d,"
                  + " pg_ls_dir('base/' || d.oid) f where d.datname = current_database()")) {
        while (r.next()) {
          files.add(r.getString(1));
        }
      }
      try (ResultSet r = s.executeQuery("select 'pg_wal/' || name from pg_ls_waldir()")) {
        while (r.next()) {
          files.add(r.getString(1));
        }
      }
      assertTrue(files.size() > 10, "PostgreSQL's files are listed: " + files);
      List<String> found = new ArrayList<>();
      for (String file : files) {
        // in parts, overlapping by the marker's length, so that large relation files (PostgreSQL
        // writes them in 1 GB segments) are read whole without one huge value
        long chunk = 64L << 20;
        int overlap = 4 * text.length();
        for (long offset = 0; ; offset += chunk - overlap) {
          byte[] content = null;
          try (ResultSet r =
              s.executeQuery(
                  "select pg_read_binary_file('"
                      + file
                      + "', "
                      + offset
                      + ", "
                      + chunk
                      + ", true)")) {
            if (r.next()) {
              content = r.getBytes(1);
            }
          }
          if (content != null && holds(content, text)) {
            found.add(file);
            break;
          }
          if (content == null || content.length < chunk) {
            break;
          }
        }
      }
      return found;
    }
  }

  /** Whether {@code bytes} hold {@code text} in UTF-8 or UTF-16 (as Artemis stores strings). */
  static boolean holds(byte[] bytes, String text) {
    return indexOf(bytes, text.getBytes(StandardCharsets.UTF_8)) >= 0
        || indexOf(bytes, text.getBytes(StandardCharsets.UTF_16LE)) >= 0
        || indexOf(bytes, text.getBytes(StandardCharsets.UTF_16BE)) >= 0;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import org.patientportal.messaging.entity.StartThread;

/**
 * A send's idempotency claim that survived a crash without its message (H2 kept part of a
 * transaction a kill -9 interrupted, in the soak) is not taken as the answer: the client's retry
 * with the same key writes the message and is answered with a thread that holds it; a further retry
 * gets that same thread.
 */
@ExtendWith(ArquillianExtension.class)
class SubmissionRepairIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(SubmissionRepairIT.class, AsPatient.class);
  }

  @EJB AsPatient asPatient;
  @EJB MessagingService messaging;
  @EJB MessagingGuidelines guidelines;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  @Test
  void aClaimWithoutItsMessageIsWrittenAgainByTheRetry() throws Exception {
    String key = "soak-" + UUID.randomUUID();
    long lostThread = 990_000_000_001L;
    long lostMessage = 990_000_000_002L;
    try (Connection c = database.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into message_submission (author, token, thread_id, message_id, created_at)"
                    + " values ('pat.jones', ?, ?, ?, ?)")) {
      insert.setString(1, key);
      insert.setLong(2, lostThread);
      insert.setLong(3, lostMessage);
      insert.setTimestamp(4, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    }
    StartThread send =
        StartThread.toCareTeam(
                "dr.smith",
                Category.GENERAL,
                "Reintento tras un corte — ¿llegó? 🩺 שלום",
                "El mensaje que el servidor perdió",
                false,
                List.of())
            .once(key);

    long first =
        asPatient.call(
            () -> {
              guidelines.accept(guidelines.guidelines("es").getSha256(), "es");
              return messaging.startThread(send);
            });
    long again = asPatient.call(() -> messaging.startThread(send));

    assertNotEquals(lostThread, first, "not the claim's thread, which holds no message");
    assertEquals(first, again, "the repaired claim answers the next retry");
    assertEquals(1, asPatient.call(() -> messaging.open(first)).getMessages().size());
    try (Connection c = database.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "select s.thread_id, count(m.id) from message_submission s"
                    + " join message m on m.id = s.message_id"
                    + " where s.author = 'pat.jones' and s.token = ? group by s.thread_id")) {
      query.setString(1, key);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        assertEquals(first, row.getLong(1));
        assertEquals(1, row.getLong(2));
      }
    }
  }
}

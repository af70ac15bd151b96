package org.patientportal.it.incontainer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import org.patientportal.messaging.entity.Reply;
import org.patientportal.messaging.entity.StartThread;

/**
 * Two replies to one thread at the same moment both go through, one after the other: the second
 * waits for the first's transaction on the thread's row instead of failing on the thread's version
 * (the load benchmark and the soak met such pairs, answered 409 "send it again").
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentRepliesIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(ConcurrentRepliesIT.class, AsPatient.class);
  }

  @EJB AsPatient asPatient;
  @EJB MessagingService messaging;
  @EJB MessagingGuidelines guidelines;

  @Resource UserTransaction transaction;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  @Test
  void aSecondReplyWaitsForTheFirstAndBothAreKept() throws Exception {
    long thread =
        asPatient.call(
            () -> {
              guidelines.accept(guidelines.guidelines("es").getSha256(), "es");
              return messaging.startThread(
                  StartThread.toCareTeam(
                      "dr.smith",
                      Category.GENERAL,
                      "Dos respuestas a la vez ✉️ עברית",
                      "Primera línea",
                      false,
                      List.of()));
            });

    CompletableFuture<Long> second;
    transaction.begin();
    try {
      asPatient.call(
          () ->
              messaging.reply(new Reply(thread, "La primera respuesta, ñandú", false, List.of())));
      // the first reply's transaction is open and holds the thread: the second starts now
      second =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return asPatient.call(
                      () ->
                          messaging.reply(
                              new Reply(thread, "La segunda respuesta 🙂", false, List.of())));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      // it either finished already (nothing made it wait: the first's commit will then fail) or
      // waits on a lock
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> second.isDone() || sessionsWaitingOnALock() > 0);
      transaction.commit();
    } catch (Exception e) {
      if (transaction.getStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
        transaction.rollback();
      }
      throw e;
    }
    second.get(60, TimeUnit.SECONDS);

    assertEquals(3, asPatient.call(() -> messaging.open(thread)).getMessages().size());
  }

  private int sessionsWaitingOnALock() throws Exception {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      boolean postgres =
          c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql");
      try (ResultSet r =
          s.executeQuery(
              postgres
                  ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                  : "select count(*) from information_schema.sessions"
                      + " where blocker_id is not null")) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}

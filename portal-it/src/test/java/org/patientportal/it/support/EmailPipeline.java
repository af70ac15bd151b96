package org.patientportal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Predicate;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.patientportal.it.support.Mailbox.Received;

/**
 * Inside the server (in-container tests): when no email work is in flight, what the mail catcher
 * holds is final. Email work is in flight while the outbox has a row (not yet relayed) or the email
 * queue has a message (waiting, scheduled for redelivery, or being delivered: the listener
 * acknowledges it only after the SMTP server took the email). The relay sends a row's message
 * before it deletes the row, so there is no moment between the two when work is in neither.
 *
 * <p>This replaces waiting a few "quiet" seconds to see that no second email comes: it asks the
 * server instead, so it is both quicker and not a matter of timing.
 */
public final class EmailPipeline {

  private static final String DATA_SOURCE = "java:jboss/datasources/PortalDS";
  private static final String EMAIL_QUEUE =
      "jboss.as:subsystem=messaging-activemq,server=default,jms-queue=EmailQueue";

  private EmailPipeline() {}

  /** Waits (up to {@link Mailbox#TIMEOUT}) until no email work is in flight. */
  public static void awaitIdle() {
    Awaitility.await("no email work in the outbox or on the email queue")
        .atMost(Mailbox.TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> outboxRows() == 0 && queuedEmails() == 0);
  }

  /**
   * Once nothing is in flight, exactly {@code count} emails that {@code which} selects are in the
   * address's mailbox (and so no further one can come).
   */
  public static void assertFinal(String address, Predicate<Received> which, int count) {
    awaitIdle();
    assertEquals(
        count,
        Mailbox.messagesTo(address, which).size(),
        "emails to " + address + " once no email work is in flight");
  }

  /** Email work not yet relayed from the outbox to the queue. */
  public static long outboxRows() throws NamingException, SQLException {
    DataSource data = (DataSource) new InitialContext().lookup(DATA_SOURCE);
    try (Connection c = data.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from outbox")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Messages on the email queue, scheduled and in delivery included. */
  public static long queuedEmails() throws JMException {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    return ((Number) server.getAttribute(new ObjectName(EMAIL_QUEUE), "messageCount")).longValue();
  }
}

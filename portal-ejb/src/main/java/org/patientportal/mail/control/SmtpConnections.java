package org.patientportal.mail.control;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Open SMTP connections of one mail session, kept between emails and lent to one delivery at a time
 * (a {@link Transport} is not for concurrent use). At most {@link #MAX_IDLE} are kept; one idle for
 * longer than {@link #IDLE_LIMIT} is closed instead of reused, since SMTP servers drop quiet
 * clients (RFC 5321 allows them after 5 minutes; some do sooner). A connection that failed is never
 * given back.
 *
 * <p>Keeping connections also narrows the one window in which a crash doubles an email: the
 * delivery is recorded right after the server's reply to DATA, not after a QUIT exchange.
 */
final class SmtpConnections {

  private static final Logger LOG = Logger.getLogger(SmtpConnections.class.getName());

  /** As many as deliveries run at once (the EmailQueue's consumers), and a few more. */
  static final int MAX_IDLE = 8;

  static final Duration IDLE_LIMIT = Duration.ofSeconds(30);

  private final Session session;
  private final Clock clock;
  private final Deque<Idle> idle = new ArrayDeque<>();
  private boolean closed;

  SmtpConnections(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  private record Idle(Transport transport, Instant since) {}

  /** One connection for one email: a kept one if a recent one is free, else a new one. */
  Lease take() throws MessagingException {
    Instant now = clock.instant();
    while (true) {
      Idle kept;
      synchronized (this) {
        kept = idle.pollFirst();
      }
      if (kept == null) {
        return fresh();
      }
      if (kept.since().plus(IDLE_LIMIT).isAfter(now)) {
        // no NOOP to check it first: that would cost the round trip keeping it saves; a
        // connection the server closed fails the send, which then takes a new one
        return new Lease(kept.transport(), true);
      }
      quietlyClose(kept.transport());
    }
  }

  /** A new connection (greeting and EHLO done). */
  Lease fresh() throws MessagingException {
    Transport transport = session.getTransport("smtp");
    transport.connect();
    return new Lease(transport, false);
  }

  /** Closes the idle connections, and from now on those given back. */
  void closeAll() {
    Deque<Idle> closing;
    synchronized (this) {
      closed = true;
      closing = new ArrayDeque<>(idle);
      idle.clear();
    }
    closing.forEach(i -> quietlyClose(i.transport()));
  }

  private void keep(Transport transport) {
    boolean kept = false;
    synchronized (this) {
      if (!closed && idle.size() < MAX_IDLE) {
        // most recently used first: the others age out
        idle.addFirst(new Idle(transport, clock.instant()));
        kept = true;
      }
    }
    if (!kept) {
      quietlyClose(transport);
    }
  }

  private static void quietlyClose(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.FINE, "An SMTP connection did not close cleanly", e);
    }
  }

  /** A connection lent for one email: given back when it worked, discarded when it failed. */
  final class Lease {

    private final Transport transport;
    private final boolean reused;

    private Lease(Transport transport, boolean reused) {
      this.transport = transport;
      this.reused = reused;
    }

    Transport transport() {
      return transport;
    }

    /** Whether the connection served an earlier email (and may have been closed by the server). */
    boolean reused() {
      return reused;
    }

    void giveBack() {
      keep(transport);
    }

    void discard() {
      quietlyClose(transport);
    }
  }
}

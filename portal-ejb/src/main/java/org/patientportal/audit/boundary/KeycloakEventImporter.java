package org.patientportal.audit.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.audit.control.KeycloakEventPaging;
import org.patientportal.audit.control.KeycloakEvents;
import org.patientportal.audit.entity.KeycloakUnavailableException;

/**
 * Imports Keycloak's login, logout and failed-login events into the access log: at an interval
 * ({@code PORTAL_AUDIT_IMPORT_SECONDS}, or {@code portal.audit.import-seconds}; 60 by default, 0
 * for only on request) and when an auditor or administrator asks ({@link KeycloakEventImport}).
 * Each run reads from a little before the newest event imported so far and records what the log
 * does not hold yet, a page per transaction; when Keycloak cannot be reached it says so in one log
 * line and tries again at the next interval. Runs on one node take turns (this bean's lock); runs
 * on several nodes take turns on the cursor's row lock and recognise each other's events by id.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@AccessTimeout(value = 5, unit = TimeUnit.MINUTES)
public class KeycloakEventImporter {

  private static final Logger LOG = Logger.getLogger(KeycloakEventImporter.class.getName());

  static final int PAGE_SIZE = 100;

  /** The most pages one run reads (a first import of a year of events takes several runs). */
  static final int MAX_PAGES = 200;

  /**
   * How far before the newest imported event a run starts reading: Keycloak stores an event when
   * the request that made it ends, so one may appear after a later one was read.
   */
  static final Duration LATE_EVENTS = Duration.ofMinutes(2);

  /** While Keycloak stays unreachable, the warning is repeated this often (not every run). */
  static final Duration REPEAT_WARNING = Duration.ofMinutes(15);

  @Resource TimerService timers;
  @Inject KeycloakEvents keycloak;
  @EJB KeycloakEventRecorder recorder;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "portal.audit.import-seconds", defaultValue = "60")
  long seconds;

  private Instant failingSince;
  private Instant lastWarning;

  @PostConstruct
  void schedule() {
    if (!keycloak.configured()) {
      LOG.warning(
          "Keycloak's sign-in events are not imported into the access log: set"
              + " PORTAL_AUDIT_CLIENT_SECRET to the secret of the realm's portal-audit client");
      return;
    }
    if (seconds <= 0) {
      LOG.info(
          () ->
              "Keycloak's sign-in events ("
                  + keycloak.describe()
                  + ") are imported on request only (PORTAL_AUDIT_IMPORT_SECONDS="
                  + seconds
                  + ")");
      return;
    }
    timers.createIntervalTimer(
        seconds * 1000, seconds * 1000, new TimerConfig("keycloak-sign-in-events", false));
    LOG.info(
        () ->
            "Importing Keycloak's sign-in events ("
                + keycloak.describe()
                + ") into the access log every "
                + seconds
                + " s");
  }

  @Timeout
  void onTimer() {
    try {
      run();
    } catch (KeycloakUnavailableException e) {
      // said in run(); the next interval tries again
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Importing Keycloak's sign-in events failed; the next interval retries",
          e);
    }
  }

  /** Whether Keycloak's events are read at all (there is a client secret). */
  public boolean enabled() {
    return keycloak.configured();
  }

  /**
   * Imports now what Keycloak has that the access log does not, after any run in progress; for
   * {@link KeycloakEventImport}, which checks who asks.
   */
  public KeycloakEventPaging.Progress run() {
    String realm = keycloak.realm();
    try {
      KeycloakEventPaging.Progress progress =
          KeycloakEventPaging.readAll(
              keycloak::page,
              recorder.resumeFrom(realm, LATE_EVENTS),
              PAGE_SIZE,
              MAX_PAGES,
              page -> recorder.record(realm, page));
      if (failingSince != null) {
        LOG.info(
            "Keycloak's sign-in events can be read again (unreadable since " + failingSince + ")");
        failingSince = null;
      }
      if (progress.recorded() > 0) {
        LOG.fine(() -> progress.recorded() + " Keycloak sign-in events imported");
      }
      return progress;
    } catch (KeycloakUnavailableException e) {
      Instant now = clock.instant();
      if (failingSince == null
          || lastWarning == null
          || lastWarning.plus(REPEAT_WARNING).isBefore(now)) {
        LOG.warning(
            e.getMessage()
                + (failingSince == null ? "" : " (since " + failingSince + ")")
                + "; Keycloak's sign-in events are imported when it answers again");
        lastWarning = now;
      } else {
        LOG.fine(e::getMessage);
      }
      if (failingSince == null) {
        failingSince = now;
      }
      throw e;
    }
  }
}

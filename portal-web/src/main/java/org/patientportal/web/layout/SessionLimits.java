package org.patientportal.web.layout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a browser session lasts: it ends after {@link #idle()} without a request (15 minutes by
 * default, {@code PORTAL_SESSION_IDLE_MINUTES}; the views warn a minute before, see {@code
 * resources/portal/idle.js}), and {@link #maximum()} after the sign-in whatever the activity (12
 * hours, {@code PORTAL_SESSION_MAX_HOURS}). The realm's SSO session has the same two limits, so a
 * session that ends here cannot be resumed from Keycloak without signing in again.
 */
@Named
@ApplicationScoped
public class SessionLimits {

  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);
  public static final Duration DEFAULT_MAXIMUM = Duration.ofHours(12);

  private Duration idle = DEFAULT_IDLE;
  private Duration maximum = DEFAULT_MAXIMUM;

  public SessionLimits() {}

  /** Limits of {@code idleMinutes} without a request and {@code maxHours} in all. */
  @Inject
  public SessionLimits(
      @ConfigProperty(name = "portal.session.idle-minutes", defaultValue = "15") int idleMinutes,
      @ConfigProperty(name = "portal.session.max-hours", defaultValue = "12") int maxHours) {
    if (idleMinutes < 2 || maxHours < 1 || Duration.ofHours(maxHours).toMinutes() < idleMinutes) {
      throw new IllegalArgumentException(
          "Session limits: idle minutes must be at least 2 (the warning comes a minute before) and"
              + " at most the maximum; maximum hours at least 1; got idle "
              + idleMinutes
              + " min, maximum "
              + maxHours
              + " h");
    }
    this.idle = Duration.ofMinutes(idleMinutes);
    this.maximum = Duration.ofHours(maxHours);
  }

  public Duration idle() {
    return idle;
  }

  public Duration maximum() {
    return maximum;
  }

  /** For the views' texts. */
  public long getIdleMinutes() {
    return idle.toMinutes();
  }

  /** For the views' texts. */
  public long getMaximumHours() {
    return maximum.toHours();
  }

  /** Whether a session signed in at {@code signedInAt} has outlived the maximum at {@code now}. */
  public boolean outlived(Instant signedInAt, Instant now) {
    return signedInAt != null && !now.isBefore(signedInAt.plus(maximum));
  }
}

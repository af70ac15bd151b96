package org.patientportal.audit.entity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One of Keycloak's sign-in events as its admin API reports it ({@code GET
 * /admin/realms/{realm}/events}), and what the access log makes of it: who (the username as typed,
 * which for a failed login may name nobody), what, when (Keycloak's time), from where, and the
 * event's id, which keeps it from being recorded twice.
 *
 * @param username the {@code username} detail: what the person typed to sign in (a username or an
 *     email address); logouts carry none
 */
public record KeycloakEvent(
    String id,
    Instant time,
    String type,
    String clientId,
    String userId,
    String sessionId,
    String ipAddress,
    String error,
    String username) {

  public static final String LOGIN = "LOGIN";
  public static final String LOGIN_ERROR = "LOGIN_ERROR";
  public static final String LOGOUT = "LOGOUT";

  /** The event types the access log records. */
  public static final List<String> TYPES = List.of(LOGIN, LOGIN_ERROR, LOGOUT);

  /** The actions of imported events. */
  public static final List<AuditAction> ACTIONS =
      List.of(
          AuditAction.KEYCLOAK_LOGIN,
          AuditAction.KEYCLOAK_LOGIN_FAILED,
          AuditAction.KEYCLOAK_LOGOUT);

  /** Every imported event's resource starts with this, then the event's id. */
  public static final String RESOURCE_PREFIX = "keycloak-event/";

  /** The actor of an event that names nobody (no username, no user id); never a username. */
  public static final String NOBODY = "(unknown)";

  /** The client address of an event without one; never an address. */
  public static final String NO_ADDRESS = "unknown";

  /** As long as the audit log's actor and client address columns. */
  static final int MAX_NAME = 64;

  public KeycloakEvent {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a Keycloak event without an id");
    }
    Objects.requireNonNull(time, "time");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("not a sign-in event: " + type);
    }
  }

  public AuditAction action() {
    return switch (type) {
      case LOGIN -> AuditAction.KEYCLOAK_LOGIN;
      case LOGOUT -> AuditAction.KEYCLOAK_LOGOUT;
      default -> AuditAction.KEYCLOAK_LOGIN_FAILED;
    };
  }

  public AuditOutcome outcome() {
    return LOGIN_ERROR.equals(type) ? AuditOutcome.FAILED : AuditOutcome.SUCCESS;
  }

  /**
   * The name the event gives its user: the username typed, in lower case (Keycloak's usernames and
   * email addresses ignore case), or null.
   */
  public String typedName() {
    return username == null || username.isBlank() ? null : clean(username).toLowerCase(Locale.ROOT);
  }

  /**
   * Who the access log names: the username typed; else {@code knownName}, the username last seen
   * with this event's user id (a logout names only the id); else the user id; else {@link #NOBODY}.
   */
  public String actor(String knownName) {
    String name = typedName();
    if (name == null) {
      name = knownName != null && !knownName.isBlank() ? knownName : userId;
    }
    return name == null || name.isBlank() ? NOBODY : clip(clean(name));
  }

  /**
   * {@code keycloak-event/<id>}, then the client, the user id and the session where the event has
   * them, and Keycloak's error for a failed login.
   */
  public String resource() {
    StringBuilder r = new StringBuilder(RESOURCE_PREFIX).append(word(id));
    part(r, "client", clientId);
    part(r, "user", userId);
    part(r, "session", sessionId);
    part(r, "error", error);
    return r.toString();
  }

  public String clientAddress() {
    return ipAddress == null || ipAddress.isBlank() ? NO_ADDRESS : clip(clean(ipAddress));
  }

  /** The id of the event an audit entry's resource names, or null if it names none. */
  public static String idOf(String resource) {
    if (resource == null || !resource.startsWith(RESOURCE_PREFIX)) {
      return null;
    }
    int end = resource.indexOf(' ', RESOURCE_PREFIX.length());
    return resource.substring(RESOURCE_PREFIX.length(), end < 0 ? resource.length() : end);
  }

  private static void part(StringBuilder r, String name, String value) {
    if (value != null && !value.isBlank()) {
      r.append(' ').append(name).append('=').append(word(value));
    }
  }

  /** Text from outside, fit for one line of the log: no control characters, no spaces around. */
  private static String clean(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.strip().codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }

  /** One word of a resource, whose parts spaces separate. */
  private static String word(String text) {
    return clean(text).replace(' ', '_');
  }

  private static String clip(String text) {
    return text.length() <= MAX_NAME ? text : text.substring(0, MAX_NAME);
  }
}

package org.patientportal.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.EventRepresentation;
import org.patientportal.audit.entity.KeycloakEvent;
import org.patientportal.audit.entity.KeycloakUnavailableException;
import org.patientportal.shared.control.KeycloakAdmin;
import org.patientportal.shared.control.KeycloakAdminException;

/**
 * Reads Keycloak's sign-in events over its admin REST API, by the portal's service account ({@link
 * KeycloakAdmin}: {@code OIDC_PROVIDER_URL}, {@code PORTAL_AUDIT_CLIENT_ID}, {@code
 * PORTAL_AUDIT_CLIENT_SECRET}), which may view events.
 */
@ApplicationScoped
public class KeycloakEvents {

  @Inject KeycloakAdmin keycloak;

  /** Whether there is a client secret to read events with. */
  public boolean configured() {
    return keycloak.configured();
  }

  public String realm() {
    return keycloak.realm();
  }

  /** Where the events come from, for the log: the realm and the server. */
  public String describe() {
    return keycloak.describe();
  }

  /**
   * Up to {@code max} sign-in events from {@code from} on (inclusive; null: the oldest Keycloak
   * keeps), oldest first.
   */
  public List<KeycloakEvent> page(Instant from, int max) {
    List<EventRepresentation> answer;
    try {
      answer =
          keycloak.call(
              "the request for events",
              "view-events",
              realm ->
                  realm.getEvents(
                      KeycloakEvent.TYPES,
                      null,
                      null,
                      from == null ? null : Long.toString(from.toEpochMilli()),
                      null,
                      null,
                      0,
                      max,
                      "asc"));
    } catch (KeycloakAdminException e) {
      throw new KeycloakUnavailableException(e.getMessage());
    }
    return events(answer);
  }

  /** The sign-in events of an admin API answer; the other types are left out. */
  public static List<KeycloakEvent> events(List<EventRepresentation> answer) {
    List<KeycloakEvent> events = new ArrayList<>();
    try {
      for (EventRepresentation event : answer) {
        if (!KeycloakEvent.TYPES.contains(event.getType())) {
          continue;
        }
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        events.add(
            new KeycloakEvent(
                event.getId(),
                event.getTime() <= 0 ? null : Instant.ofEpochMilli(event.getTime()),
                event.getType(),
                event.getClientId(),
                event.getUserId(),
                event.getSessionId(),
                event.getIpAddress(),
                event.getError(),
                details.get("username")));
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new KeycloakUnavailableException(
          "Keycloak's answer is not a list of events the portal can read: "
              + e.getClass().getSimpleName());
    }
    return events;
  }
}

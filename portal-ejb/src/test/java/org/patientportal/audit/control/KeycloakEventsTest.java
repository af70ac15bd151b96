package org.patientportal.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.representations.idm.EventRepresentation;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.audit.entity.KeycloakEvent;
import org.patientportal.audit.entity.KeycloakUnavailableException;

/**
 * Keycloak 26's answer to GET /admin/realms/portal/events (audit/keycloak-events.json, as the demo
 * realm gave it: a password login, a wrong password, an unknown username, a logout, a login by
 * email address, plus a code-to-token event) and the audit entries made of it.
 */
class KeycloakEventsTest {

  private static final String USER_ID = "09aff446-c8fe-44f9-9c4d-bf56da515c72";
  private static final String SESSION = "0uJ9hSOcVmJ4xD7coZsrevdX";

  private static List<KeycloakEvent> events() throws IOException {
    try (InputStream in =
        KeycloakEventsTest.class.getResourceAsStream("/audit/keycloak-events.json")) {
      return KeycloakEvents.events(answer(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  /** An admin API answer read as keycloak-admin-client reads it (its Jackson provider). */
  static List<EventRepresentation> answer(String json) throws IOException {
    return new JacksonProvider()
        .locateMapper(List.class, MediaType.APPLICATION_JSON_TYPE)
        .readValue(json, new TypeReference<List<EventRepresentation>>() {});
  }

  @Test
  void readsTheSignInEventsAndLeavesOutTheOthers() throws IOException {
    List<KeycloakEvent> events = events();
    assertEquals(
        List.of("LOGIN", "LOGIN_ERROR", "LOGIN_ERROR", "LOGOUT", "LOGIN"),
        events.stream().map(KeycloakEvent::type).toList());
  }

  @Test
  void aLoginIsASuccessOfTheUsernameAtKeycloaksTimeFromItsAddress() throws IOException {
    KeycloakEvent login = events().get(0);
    assertEquals(AuditAction.KEYCLOAK_LOGIN, login.action());
    assertEquals(AuditOutcome.SUCCESS, login.outcome());
    assertEquals("chris.jones", login.actor(null));
    assertEquals(Instant.ofEpochMilli(1795619597377L), login.time());
    assertEquals("127.0.0.1", login.clientAddress());
    assertEquals(
        "keycloak-event/79c9c887-4423-4f4d-823d-b2c1589e60ab client=portal-cli user="
            + USER_ID
            + " session="
            + SESSION,
        login.resource());
    assertEquals("79c9c887-4423-4f4d-823d-b2c1589e60ab", KeycloakEvent.idOf(login.resource()));
  }

  @Test
  void aWrongPasswordIsAFailureOfTheUserWithKeycloaksError() throws IOException {
    KeycloakEvent wrong = events().get(1);
    assertEquals(AuditAction.KEYCLOAK_LOGIN_FAILED, wrong.action());
    assertEquals(AuditOutcome.FAILED, wrong.outcome());
    assertEquals("chris.jones", wrong.actor(null));
    assertEquals(
        "keycloak-event/4765157d-eac6-455e-be52-167722394479 client=portal-cli user="
            + USER_ID
            + " error=invalid_user_credentials",
        wrong.resource());
  }

  @Test
  void anUnknownUsernameIsRecordedAsTyped() throws IOException {
    KeycloakEvent unknown = events().get(2);
    assertEquals(AuditAction.KEYCLOAK_LOGIN_FAILED, unknown.action());
    assertNull(unknown.userId());
    assertEquals("nobody.here", unknown.actor(null));
    assertEquals(
        "keycloak-event/e6a14401-9357-4677-aa6d-3a8a3a3ba522 client=portal-cli"
            + " error=user_not_found",
        unknown.resource());
  }

  @Test
  void aLogoutNamesTheUserByTheNameLastSeenWithItsIdElseByTheId() throws IOException {
    KeycloakEvent logout = events().get(3);
    assertEquals(AuditAction.KEYCLOAK_LOGOUT, logout.action());
    assertEquals(AuditOutcome.SUCCESS, logout.outcome());
    assertNull(logout.typedName(), "Keycloak's logout events carry no username");
    assertEquals("chris.jones", logout.actor("chris.jones"));
    assertEquals(USER_ID, logout.actor(null));
    assertEquals(SESSION, logout.sessionId());
  }

  @Test
  void aLoginByEmailAddressIsRecordedUnderTheAddressInLowerCase() throws IOException {
    assertEquals("chris.jones@portal.test", events().get(4).actor(null));
  }

  @Test
  void anEventThatNamesNobodyOrComesFromNowhereStillMakesAnEntry() {
    KeycloakEvent bare =
        new KeycloakEvent(
            "id-1", Instant.EPOCH, KeycloakEvent.LOGIN_ERROR, null, null, null, null, null, " ");
    assertEquals(KeycloakEvent.NOBODY, bare.actor(null));
    assertEquals(KeycloakEvent.NO_ADDRESS, bare.clientAddress());
    assertEquals("keycloak-event/id-1", bare.resource());
  }

  @Test
  void typedTextIsKeptToOneLineAndToTheLogsColumns() {
    KeycloakEvent odd =
        new KeycloakEvent(
            "id-2",
            Instant.EPOCH,
            KeycloakEvent.LOGIN_ERROR,
            "portal cli",
            null,
            null,
            "10.0.0.1",
            "user_not_found",
            "Line\nbreak " + "x".repeat(100));
    assertEquals(64, odd.actor(null).length());
    assertEquals("line?break xxx", odd.actor(null).substring(0, 14));
    assertEquals(
        "keycloak-event/id-2 client=portal_cli error=user_not_found",
        odd.resource(),
        "the resource's parts stay separable");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{\"time\": 1, \"type\": \"LOGIN\"}]",
        "[{\"id\": \"a\", \"type\": \"LOGIN\"}]",
      })
  void anEventWithoutItsIdOrTimeIsRefusedRatherThanSkipped(String json) throws IOException {
    List<EventRepresentation> answer = answer(json);
    assertThrows(KeycloakUnavailableException.class, () -> KeycloakEvents.events(answer));
  }
}

package org.patientportal.it.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patientportal.it.support.Portal;

/**
 * Keycloak's sign-in events in the portal's access log: a wrong password, an unknown username, a
 * login and a logout in the demo Keycloak each become exactly one entry, with Keycloak's time and
 * client address, when an auditor has them imported; a second import adds nothing. Only auditors
 * and administrators may ask for an import. The wrong password is chris.jones's, whom few tests
 * sign in and whose next, right password resets Keycloak's failure count at once.
 */
class KeycloakEventsIT {

  private static final String USER = "chris.jones";
  private static final String IMPORT = "/audit/keycloak-events/import";

  /** One of Keycloak's own events (as its administrator reads them) and the entry expected. */
  private record Expected(JsonNode event, String action, String actor, String outcome) {}

  @Test
  void eachSignInEventBecomesOneEntryAndASecondImportAddsNothing() {
    // the auditor's own login comes first, so that nothing happens in Keycloak between the imports
    String auditor = freshToken("audit.kim");
    Instant start = Instant.now().minusSeconds(1);
    String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

    assertEquals(
        400, Portal.passwordGrant("portal", "portal-cli", USER, "Wrong-pass-2026").statusCode());
    assertEquals(
        400,
        Portal.passwordGrant("portal", "portal-cli", stranger, "Wrong-pass-2026").statusCode());
    HttpResponse<String> login =
        Portal.passwordGrant("portal", "portal-cli", USER, Portal.DEMO_PASSWORD);
    assertEquals(200, login.statusCode(), login.body());
    HttpResponse<String> logout =
        keycloakLogout(Portal.json(login.body()).get("refresh_token").asText());
    assertEquals(204, logout.statusCode(), logout.body());

    List<Expected> expected = keycloaksEvents(start, stranger);
    assertEquals(
        List.of("LOGIN_ERROR", "LOGIN_ERROR", "LOGIN", "LOGOUT"),
        expected.stream().map(e -> e.event().get("type").asText()).toList(),
        "what Keycloak recorded");

    // the first import (or the interval's, a moment before) records each event once
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              HttpResponse<String> imported = post(IMPORT, auditor);
              assertEquals(200, imported.statusCode(), imported.body());
              for (Expected e : expected) {
                assertEquals(1, entriesOf(e, start, auditor).size(), e.toString());
              }
            });
    for (Expected e : expected) {
      JsonNode entry = entriesOf(e, start, auditor).get(0);
      String context = entry + " for " + e.event();
      assertEquals(e.actor(), entry.get("actor").asText(), context);
      assertEquals(e.action(), entry.get("action").asText(), context);
      assertEquals(e.outcome(), entry.get("outcome").asText(), context);
      assertEquals(e.event().get("ipAddress").asText(), entry.get("clientAddress").asText());
      assertEquals(
          Instant.ofEpochMilli(e.event().get("time").asLong()),
          Instant.parse(entry.get("at").asText()),
          "Keycloak's time, not the import's: " + context);
      assertTrue(
          entry.get("resource").asText().contains(" client=portal-cli"), "the client: " + context);
    }
    JsonNode failed = entriesOf(expected.get(0), start, auditor).get(0);
    assertTrue(failed.get("resource").asText().endsWith(" error=invalid_user_credentials"));

    // a second import finds everything recorded
    HttpResponse<String> again = post(IMPORT, auditor);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(0, Portal.json(again.body()).get("imported").asInt(), again.body());
    for (Expected e : expected) {
      assertEquals(1, entriesOf(e, start, auditor).size(), e.toString());
    }

    // and the requests for imports are themselves in the log
    JsonNode requests =
        Portal.json(
            get("/audit?actor=audit.kim&action=KEYCLOAK_EVENTS_IMPORTED&from=" + start, auditor)
                .body());
    assertTrue(requests.size() >= 2, requests.toString());
    assertEquals("keycloak-events imported=0", requests.get(0).get("resource").asText());
    assertEquals("SUCCESS", requests.get(0).get("outcome").asText());
  }

  @ParameterizedTest(name = "{0} may not have the events imported")
  @CsvSource({"pat.jones", "sam.rivera", "chris.jones", "dr.smith", "nurse.lee", "comms.diaz"})
  void everyRoleButAuditorAndAdministratorIsRefusedAndTheRefusalIsAudited(String username) {
    Instant before = Instant.now().minusSeconds(2);
    JsonNode problem = Portal.assertProblem(Portal.post(IMPORT, username, ""), 403);
    assertEquals("/portal/api/v1" + IMPORT, problem.get("instance").asText());
    HttpResponse<String> denied =
        Portal.get(
            "/audit?action=ACCESS_DENIED&actor=" + username + "&from=" + before, "audit.kim");
    assertTrue(
        StreamSupport.stream(Portal.json(denied.body()).spliterator(), false)
            .anyMatch(
                e ->
                    e.get("resource").asText().equals("POST /portal/api/v1" + IMPORT)
                        && e.get("outcome").asText().equals("DENIED")),
        "an ACCESS_DENIED entry for " + username + " in " + denied.body());
  }

  @Test
  void anAdministratorMayHaveTheEventsImportedAndNobodyWithoutAToken() {
    HttpResponse<String> imported = Portal.post(IMPORT, "admin.ito", "");
    assertEquals(200, imported.statusCode(), imported.body());
    assertTrue(Portal.json(imported.body()).get("imported").asInt() >= 0);
    assertEquals(401, Portal.post(IMPORT, null, "").statusCode());
  }

  /** The entries of the access log that record {@code e}'s event (found by its id). */
  private static List<JsonNode> entriesOf(Expected e, Instant from, String auditor) {
    String id = e.event().get("id").asText();
    HttpResponse<String> found =
        get(
            "/audit?actor="
                + URLEncoder.encode(e.actor(), StandardCharsets.UTF_8)
                + "&action="
                + e.action()
                + "&from="
                + from
                + "&size=500",
            auditor);
    assertEquals(200, found.statusCode(), found.body());
    return StreamSupport.stream(Portal.json(found.body()).spliterator(), false)
        .filter(
            entry -> {
              String resource = entry.get("resource").asText();
              return resource.equals("keycloak-event/" + id)
                  || resource.startsWith("keycloak-event/" + id + " ");
            })
        .toList();
  }

  /**
   * Keycloak's sign-in events since {@code start} of this test's user and of {@code stranger}, as
   * Keycloak's administrator reads them, oldest first, with the entries they should become.
   */
  private static List<Expected> keycloaksEvents(Instant start, String stranger) {
    String userId =
        Portal.json(keycloakAdmin("/users?exact=true&username=" + USER).body())
            .get(0)
            .get("id")
            .asText();
    JsonNode events =
        Portal.json(
            keycloakAdmin(
                    "/events?type=LOGIN&type=LOGIN_ERROR&type=LOGOUT&direction=asc&max=1000"
                        + "&dateFrom="
                        + start.toEpochMilli())
                .body());
    return StreamSupport.stream(events.spliterator(), false)
        .filter(
            e ->
                userId.equals(e.path("userId").asText())
                    || stranger.equals(e.path("details").path("username").asText()))
        .map(
            e ->
                switch (e.get("type").asText()) {
                  case "LOGIN" -> new Expected(e, "KEYCLOAK_LOGIN", USER, "SUCCESS");
                  case "LOGOUT" -> new Expected(e, "KEYCLOAK_LOGOUT", USER, "SUCCESS");
                  default ->
                      new Expected(
                          e,
                          "KEYCLOAK_LOGIN_FAILED",
                          e.get("details").get("username").asText(),
                          "FAILED");
                })
        .toList();
  }

  /** Ends a Keycloak session the way a client does (OIDC logout with its refresh token). */
  private static HttpResponse<String> keycloakLogout(String refreshToken) {
    return Portal.send(
        HttpRequest.newBuilder(
                URI.create(Portal.KEYCLOAK + "/realms/portal/protocol/openid-connect/logout"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "client_id=portal-cli&refresh_token="
                        + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)))
            .build());
  }

  /** A GET of the demo Keycloak's admin API for the realm, as its demo administrator. */
  private static HttpResponse<String> keycloakAdmin(String path) {
    HttpResponse<String> token =
        Portal.passwordGrant("master", "admin-cli", "admin", "Demo-admin-2026");
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.KEYCLOAK + "/admin/realms/portal" + path))
            .header(
                "Authorization", "Bearer " + Portal.json(token.body()).get("access_token").asText())
            .GET()
            .build());
  }

  /** A token of this test's own (not the shared cache's, which may renew one at any moment). */
  private static String freshToken(String username) {
    HttpResponse<String> response =
        Portal.passwordGrant("portal", "portal-cli", username, Portal.DEMO_PASSWORD);
    assertEquals(200, response.statusCode(), response.body());
    return Portal.json(response.body()).get("access_token").asText();
  }

  private static HttpResponse<String> get(String path, String token) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1" + path))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  private static HttpResponse<String> post(String path, String token) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1" + path))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }
}

package org.patientportal.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * {@code GET/DELETE /me/sessions} against the real Keycloak: a person sees each of their signed-in
 * sessions with its address and start, the one the request came with marked current, and ends
 * another one, which Keycloak then no longer knows (its refresh token is refused); another person's
 * session cannot be ended (404, audited) and stays; every end is audited.
 */
class SessionsApiIT {

  private static final String USER = "pat.jones";
  private static final String OTHER = "sam.rivera";

  @Test
  void aPersonListsTheirSessionsAndEndsOne() {
    Instant since = Instant.now().minusSeconds(5);
    Grant first = grant(USER);
    Grant second = grant(USER);

    HttpResponse<String> listed = call("GET", "/me/sessions", first.access());
    assertEquals(200, listed.statusCode(), listed.body());
    List<JsonNode> sessions = list(listed);
    JsonNode mine = find(sessions, first.session());
    JsonNode other = find(sessions, second.session());
    assertTrue(mine.get("current").asBoolean(), mine.toString());
    assertFalse(other.get("current").asBoolean(), other.toString());
    assertNotNull(Instant.parse(mine.get("started").asText()));
    assertFalse(mine.path("ipAddress").asText().isBlank(), mine.toString());
    assertTrue(
        sessions.stream().filter(s -> s.get("current").asBoolean()).count() == 1,
        "exactly one current: " + sessions);

    HttpResponse<String> ended = call("DELETE", "/me/sessions/" + second.session(), first.access());
    assertEquals(204, ended.statusCode(), ended.body());

    List<JsonNode> after = list(call("GET", "/me/sessions", first.access()));
    assertTrue(
        after.stream().noneMatch(s -> s.get("id").asText().equals(second.session())),
        "ended: " + after);
    assertEquals(400, refresh(second.refresh()).statusCode(), "Keycloak no longer knows it");
    assertEquals(200, refresh(first.refresh()).statusCode(), "the current one goes on");

    List<JsonNode> audit = Messages.audit(USER, "SESSION_ENDED", since);
    assertTrue(
        audit.stream()
            .anyMatch(e -> e.get("resource").asText().equals("session/" + second.session())),
        audit.toString());
  }

  @Test
  void anotherPersonsSessionCannotBeEnded() {
    Instant since = Instant.now().minusSeconds(5);
    Grant mine = grant(USER);
    Grant theirs = grant(OTHER);

    HttpResponse<String> refused =
        call("DELETE", "/me/sessions/" + theirs.session(), mine.access());
    Portal.assertProblem(refused, 404);
    assertTrue(
        list(call("GET", "/me/sessions", theirs.access())).stream()
            .anyMatch(s -> s.get("id").asText().equals(theirs.session())),
        "their session goes on");
    assertEquals(200, refresh(theirs.refresh()).statusCode());

    List<JsonNode> denied = Messages.audit(USER, "ACCESS_DENIED", since);
    assertTrue(
        denied.stream()
            .anyMatch(e -> e.get("resource").asText().equals("session/" + theirs.session())),
        denied.toString());
    // an id that names nothing answers the same
    Portal.assertProblem(call("DELETE", "/me/sessions/no-such-session", mine.access()), 404);
  }

  @Test
  void withoutATokenThereIsNoList() {
    Portal.assertProblem(call("GET", "/me/sessions", null), 401);
    Portal.assertProblem(call("DELETE", "/me/sessions/anything", null), 401);
  }

  /** A password grant: a Keycloak session of its own. */
  private record Grant(String access, String refresh, String session) {}

  private static Grant grant(String username) {
    HttpResponse<String> answer =
        Portal.passwordGrant("portal", "portal-cli", username, Portal.DEMO_PASSWORD);
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode token = Portal.json(answer.body());
    String access = token.get("access_token").asText();
    String claims =
        new String(Base64.getUrlDecoder().decode(access.split("\\.")[1]), StandardCharsets.UTF_8);
    return new Grant(
        access, token.get("refresh_token").asText(), Portal.json(claims).get("sid").asText());
  }

  private static HttpResponse<String> refresh(String refreshToken) {
    return Portal.send(
        HttpRequest.newBuilder(
                URI.create(Portal.KEYCLOAK + "/realms/portal/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=refresh_token&client_id=portal-cli&refresh_token=" + refreshToken))
            .build());
  }

  private static HttpResponse<String> call(String method, String path, String access) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1" + path))
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (access != null) {
      request.header("Authorization", "Bearer " + access);
    }
    return Portal.send(request.build());
  }

  private static List<JsonNode> list(HttpResponse<String> answer) {
    assertEquals(200, answer.statusCode(), answer.body());
    List<JsonNode> sessions = new ArrayList<>();
    Portal.json(answer.body()).forEach(sessions::add);
    return sessions;
  }

  private static JsonNode find(List<JsonNode> sessions, String id) {
    return sessions.stream()
        .filter(s -> s.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + sessions));
  }
}

package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patientportal.it.support.Portal;

/** {@code /api/v1/me} and the API's answers to missing or bad tokens, with real Keycloak tokens. */
class MeApiIT {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "pat.jones, patient",
    "sam.rivera, patient",
    "chris.jones, proxy",
    "dr.smith, clinician",
    "dr.chen, clinician",
    "nurse.lee, staff",
    "comms.diaz, communications",
    "audit.kim, auditor",
    "admin.ito, admin"
  })
  void meNamesTheCallerAndTheirPortalRoles(String username, String role) {
    HttpResponse<String> response = Portal.get("/me", username);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode me = Portal.json(response.body());
    assertEquals(username, me.get("username").asText());
    List<String> roles = new ArrayList<>();
    me.get("roles").forEach(r -> roles.add(r.asText()));
    assertEquals(List.of(role), roles, "only portal roles, not Keycloak's own");
  }

  @Test
  void withoutATokenTheAnswerIs401AsAProblem() {
    HttpResponse<String> response = Portal.get("/me", null);
    assertUnauthorized(response);
    assertEquals(
        "Bearer realm=\"portal\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
  }

  @Test
  void aForgedTokenIsRefusedAs401() {
    String token = Portal.token("pat.jones");
    String[] parts = token.split("\\.");
    // the same header and signature over a payload that claims to be someone else
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("pat.jones", "audit.kim")
                        .getBytes())
            + "."
            + parts[2];
    HttpResponse<String> response =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/me"))
                .header("Authorization", "Bearer " + forged)
                .GET()
                .build());
    assertUnauthorized(response);
    assertTrue(
        response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
  }

  @Test
  void aSessionCookieIsNoSubstituteForABearerToken() {
    HttpResponse<String> response =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/me"))
                .header("Authorization", "Basic cGF0LmpvbmVzOkRlbW8tcGFzcy0yMDI2")
                .GET()
                .build());
    assertUnauthorized(response);
  }

  @Test
  void anUnknownPathIsA404Problem() {
    Portal.assertProblem(Portal.get("/no-such-thing", "pat.jones"), 404);
  }

  static void assertUnauthorized(HttpResponse<String> response) {
    JsonNode problem = Portal.assertProblem(response, 401);
    assertEquals("Unauthorized", problem.get("title").asText());
    assertTrue(problem.get("detail").asText().contains("token"), problem.toString());
  }
}

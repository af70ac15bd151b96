package org.patientportal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Care teams and away periods through the API, for tests: each test makes its own team (never
 * relying on the demo's) and empties it afterwards, so that no other test sees its members or
 * patients.
 */
public final class Teams {

  public static final String ADMIN = "admin.ito";

  private Teams() {}

  /** A team code no other test run uses. */
  public static String code(String what) {
    return what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a team as the administrator and returns it. */
  public static JsonNode create(String code, String name) {
    HttpResponse<String> created =
        Portal.post("/admin/teams", ADMIN, Map.of("code", code, "name", name));
    assertEquals(201, created.statusCode(), created.body());
    return Portal.json(created.body());
  }

  public static JsonNode addMember(String code, String username, String role) {
    HttpResponse<String> added =
        Portal.post(
            "/admin/teams/" + code + "/members", ADMIN, Map.of("username", username, "role", role));
    assertEquals(200, added.statusCode(), added.body());
    return Portal.json(added.body());
  }

  public static JsonNode addPatient(String code, String username) {
    HttpResponse<String> added =
        Portal.post("/admin/teams/" + code + "/patients", ADMIN, Map.of("username", username));
    assertEquals(200, added.statusCode(), added.body());
    return Portal.json(added.body());
  }

  /** Takes everyone off a team (its lead first), so that it changes no one's care team. */
  public static void empty(String code) {
    HttpResponse<String> team = Portal.get("/admin/teams/" + code, ADMIN);
    if (team.statusCode() != 200) {
      return;
    }
    JsonNode t = Portal.json(team.body());
    Map<String, Object> noLead = new LinkedHashMap<>();
    noLead.put("name", t.get("name").asText());
    noLead.put("lead", "");
    Portal.put("/admin/teams/" + code, ADMIN, noLead);
    for (JsonNode m : t.get("members")) {
      Portal.delete("/admin/teams/" + code + "/members/" + m.get("username").asText(), ADMIN);
    }
    for (JsonNode p : t.get("patients")) {
      Portal.delete("/admin/teams/" + code + "/patients/" + p.get("username").asText(), ADMIN);
    }
  }

  /** Deletes every away period of {@code clinician}, so that messages reach them again. */
  public static void clearAway(String clinician) {
    HttpResponse<String> mine = Portal.get("/me/away", clinician);
    assertEquals(200, mine.statusCode(), mine.body());
    for (JsonNode a : Portal.json(mine.body())) {
      Portal.delete("/me/away/" + a.get("id").asText(), clinician);
    }
  }
}

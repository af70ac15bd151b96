package org.patientportal.it.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.it.support.Teams;

/**
 * Care-team administration through the API, as admin.ito does it: a team is created, named, given
 * members, a lead and patients; every change is audited and counts for the very next message; the
 * rules (people of the portal with the right role, a lead who is a member, a code that never
 * changes) are refused with a problem naming the field; and nobody but an administrator may do any
 * of it (403, audited). Each test makes its own team and empties it afterwards.
 */
class TeamsApiIT {

  private final String code = Teams.code("it-team");

  @AfterEach
  void emptyTheTeam() {
    Teams.empty(code);
  }

  @Test
  void anAdministratorBuildsATeamAndEachChangeIsAudited() {
    Instant since = Instant.now().minusSeconds(1);
    HttpResponse<String> created =
        Portal.post("/admin/teams", Teams.ADMIN, Map.of("code", code, "name", "Cardiología 🫀"));
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(
        created.headers().firstValue("Location").orElse("").endsWith("/admin/teams/" + code));
    JsonNode team = Portal.json(created.body());
    assertEquals("Cardiología 🫀", team.get("name").asText());
    assertEquals(0, team.get("members").size());

    Teams.addMember(code, "dr.chen", "CLINICIAN");
    Teams.addMember(code, "nurse.lee", "staff");
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("name", "Cardiology");
    change.put("lead", "dr.chen");
    HttpResponse<String> changed = Portal.put("/admin/teams/" + code, Teams.ADMIN, change);
    assertEquals(200, changed.statusCode(), changed.body());
    team = Teams.addPatient(code, "sam.rivera");

    assertEquals("Cardiology", team.get("name").asText());
    assertEquals("dr.chen", team.get("lead").asText());
    assertEquals(
        List.of("dr.chen:CLINICIAN", "nurse.lee:STAFF"),
        StreamSupport.stream(team.get("members").spliterator(), false)
            .map(m -> m.get("username").asText() + ":" + m.get("role").asText())
            .toList());
    assertEquals("sam.rivera", team.get("patients").get(0).get("username").asText());
    assertEquals("Sam Rivera", team.get("patients").get(0).get("displayName").asText());

    JsonNode listed =
        StreamSupport.stream(
                Portal.json(Portal.get("/admin/teams", Teams.ADMIN).body()).spliterator(), false)
            .filter(t -> t.get("code").asText().equals(code))
            .findFirst()
            .orElseThrow();
    assertEquals(2, listed.get("members").size());

    assertAudited("TEAM_CREATED", "team/" + code, null, since);
    assertAudited("TEAM_MEMBER_ADDED", "team/" + code + "/member/dr.chen CLINICIAN", null, since);
    assertAudited("TEAM_MEMBER_ADDED", "team/" + code + "/member/nurse.lee STAFF", null, since);
    assertAudited("TEAM_CHANGED", "team/" + code + " name lead=dr.chen", null, since);
    assertAudited(
        "TEAM_PATIENT_ADDED", "team/" + code + "/patient/sam.rivera", "sam.rivera", since);

    // taking people off is audited too
    HttpResponse<String> removed =
        Portal.delete("/admin/teams/" + code + "/members/nurse.lee", Teams.ADMIN);
    assertEquals(200, removed.statusCode(), removed.body());
    assertAudited("TEAM_MEMBER_REMOVED", "team/" + code + "/member/nurse.lee", null, since);
    removed = Portal.delete("/admin/teams/" + code + "/patients/sam.rivera", Teams.ADMIN);
    assertEquals(200, removed.statusCode(), removed.body());
    assertAudited(
        "TEAM_PATIENT_REMOVED", "team/" + code + "/patient/sam.rivera", "sam.rivera", since);
  }

  @Test
  void aChangeCountsForTheVeryNextMessage() {
    Messages.acceptGuidelines("sam.rivera");
    Teams.create(code, "Next message");
    Teams.addMember(code, "dr.chen", "CLINICIAN");
    assertFalse(recipients("sam.rivera").contains("pool:" + code), "not yet caring for her");
    Portal.assertProblem(Portal.post("/threads", "sam.rivera", draft("pool:" + code)), 400);

    Teams.addPatient(code, "sam.rivera");
    assertTrue(recipients("sam.rivera").contains("pool:" + code));
    long thread = Messages.start("sam.rivera", draft("pool:" + code));
    assertEquals(200, Portal.get("/threads/" + thread, "dr.chen").statusCode());

    assertEquals(
        200,
        Portal.delete("/admin/teams/" + code + "/patients/sam.rivera", Teams.ADMIN).statusCode());
    assertFalse(recipients("sam.rivera").contains("pool:" + code));
    JsonNode refused =
        Portal.assertProblem(Portal.post("/threads", "sam.rivera", draft("pool:" + code)), 400);
    assertEquals("to", refused.get("field").asText());
  }

  @Test
  void theRulesAreRefusedNamingTheField() {
    assertField(
        Portal.post("/admin/teams", Teams.ADMIN, Map.of("code", "Not A Code", "name", "X")),
        400,
        "code");
    assertField(
        Portal.post("/admin/teams", Teams.ADMIN, Map.of("code", code, "name", " ")), 400, "name");
    Teams.create(code, "Rules");
    assertEquals(
        409,
        Portal.post("/admin/teams", Teams.ADMIN, Map.of("code", code, "name", "Again"))
            .statusCode());

    // the code never changes
    assertField(
        Portal.put("/admin/teams/" + code, Teams.ADMIN, Map.of("code", code + "-x", "name", "R")),
        400,
        "code");
    // the lead is a member
    assertField(
        Portal.put("/admin/teams/" + code, Teams.ADMIN, Map.of("name", "R", "lead", "dr.smith")),
        400,
        "lead");
    // members are people of the portal with the matching role
    assertField(member("nurse.lee", "CLINICIAN"), 400, "username");
    assertField(member("dr.chen", "STAFF"), 400, "username");
    assertField(member("pat.jones", "CLINICIAN"), 400, "username");
    assertField(member("nobody.here", "CLINICIAN"), 400, "username");
    assertField(member("dr.chen", "SURGEON"), 400, "role");
    assertField(member("dr.chen", null), 400, "role");
    // patients are patients of the portal
    assertField(patient("dr.chen"), 400, "username");
    assertField(patient("nobody.here"), 400, "username");
    // the lead cannot leave
    Teams.addMember(code, "dr.chen", "CLINICIAN");
    Portal.put("/admin/teams/" + code, Teams.ADMIN, Map.of("name", "R", "lead", "dr.chen"));
    assertField(
        Portal.delete("/admin/teams/" + code + "/members/dr.chen", Teams.ADMIN), 400, "username");
    // unknown teams and people
    Portal.assertProblem(Portal.get("/admin/teams/no-such-team-" + code, Teams.ADMIN), 404);
    Portal.assertProblem(
        Portal.delete("/admin/teams/" + code + "/patients/sam.rivera", Teams.ADMIN), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pat.jones", "dr.smith", "nurse.lee", "audit.kim", "comms.diaz"})
  void nobodyButAnAdministratorMayTouchTeams(String user) {
    Teams.create(code, "Refusals");
    List<HttpResponse<String>> refused =
        List.of(
            Portal.get("/admin/teams", user),
            Portal.post("/admin/teams", user, Map.of("code", code + "-x", "name", "X")),
            Portal.put("/admin/teams/" + code, user, Map.of("name", "Mine")),
            Portal.post(
                "/admin/teams/" + code + "/members",
                user,
                Map.of("username", "dr.smith", "role", "CLINICIAN")),
            Portal.post(
                "/admin/teams/" + code + "/patients", user, Map.of("username", "pat.jones")));
    Instant since = Instant.now().minusSeconds(30);
    for (HttpResponse<String> r : refused) {
      Portal.assertProblem(r, 403);
    }
    List<String> denied =
        Messages.audit(user, "ACCESS_DENIED", since).stream()
            .map(e -> e.get("resource").asText())
            .toList();
    assertTrue(denied.contains("GET /portal/api/v1/admin/teams"), denied.toString());
    assertTrue(denied.contains("PUT /portal/api/v1/admin/teams/" + code), denied.toString());
    assertTrue(
        denied.contains("POST /portal/api/v1/admin/teams/" + code + "/members"), denied.toString());
    JsonNode team = Portal.json(Portal.get("/admin/teams/" + code, Teams.ADMIN).body());
    assertEquals("Refusals", team.get("name").asText(), "nothing changed");
    assertEquals(0, team.get("members").size());
  }

  private HttpResponse<String> member(String username, String role) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("role", role);
    return Portal.post("/admin/teams/" + code + "/members", Teams.ADMIN, body);
  }

  private HttpResponse<String> patient(String username) {
    return Portal.post(
        "/admin/teams/" + code + "/patients", Teams.ADMIN, Map.of("username", username));
  }

  private static void assertField(HttpResponse<String> response, int status, String field) {
    JsonNode problem = Portal.assertProblem(response, status);
    assertEquals(field, problem.path("field").asText(null), response.body());
  }

  private static void assertAudited(String action, String resource, String patient, Instant since) {
    List<JsonNode> entries = Messages.audit(Teams.ADMIN, action, since);
    assertTrue(
        entries.stream()
            .anyMatch(
                e ->
                    e.get("resource").asText().equals(resource)
                        && e.get("outcome").asText().equals("SUCCESS")
                        && (patient == null || patient.equals(e.path("patient").asText(null)))),
        action + " " + resource + " in " + entries);
  }

  private static List<String> recipients(String patient) {
    return StreamSupport.stream(
            Portal.json(Portal.get("/messaging/recipients", patient).body()).spliterator(), false)
        .map(r -> r.get("address").asText())
        .toList();
  }

  private static Map<String, Object> draft(String to) {
    return Messages.draft(to, "GENERAL", Messages.marker("Team"), "Hola, ¿qué tal? 👋", false);
  }
}

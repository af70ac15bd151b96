package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Hospital;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.it.support.Teams;

/**
 * Forwarding inside the care community through the API, as a clinician, a nurse and a patient meet
 * it: dr.smith forwards pat.jones's message (addressed to him by name, so nobody else reads it) to
 * dr.chen with a note, and to a team of this test's own whose only member is nurse.lee; each then
 * reads the thread and finds it in their list; the thread's history shows the patient that it was
 * forwarded and to whom (not the note); each forward is audited as FORWARDED. The refusals: a
 * patient forwarding (403), a clinician the thread is not addressed to (404), and anything that is
 * not a clinician or pool of the portal: an email address, a URL, an unknown name or pool, a
 * patient, a staff member by name (400 naming "to"), each with its ACCESS_DENIED entry.
 */
class ForwardingApiIT {

  private final String team = Teams.code("it-forward");

  @BeforeAll
  static void guidelines() {
    Messages.acceptGuidelines("pat.jones");
  }

  @AfterEach
  void emptyTheTeam() {
    Teams.empty(team);
  }

  @Test
  void aClinicianForwardsToAColleagueWhoThenReadsItAndThePatientSeesToWhom() {
    Instant since = Instant.now().minusSeconds(1);
    long id = toSmith("Forward me");
    Portal.assertProblem(Portal.get("/threads/" + id, "dr.chen"), 404);
    assertFalse(listed(id, "dr.chen"), "not dr.chen's before the forward");

    String note = "Chen — could you look at this? ¿Dosis? 💊";
    assertEquals(
        204,
        Portal.post(
                "/threads/" + id + "/forward", "dr.smith", Map.of("to", "dr.chen", "note", note))
            .statusCode());

    JsonNode seen = open(id, "dr.chen");
    assertEquals("Forward me", seen.get("messages").get(0).get("body").asText());
    assertTrue(listed(id, "dr.chen"), "in dr.chen's list");
    assertEquals("dr.chen", seen.get("forwardedTo").get(0).get("to").asText());
    assertEquals(note, seen.get("forwards").get(0).get("note").asText(), "the note, for the team");
    assertEquals("dr.smith", seen.get("forwards").get(0).get("by").asText());

    JsonNode patient = open(id, "pat.jones");
    JsonNode line = last(patient.get("history"));
    assertEquals("FORWARDED", line.get("kind").asText());
    assertEquals("dr.smith", line.get("by").asText());
    assertEquals("dr.chen", line.get("to").asText());
    assertFalse(line.get("toName").asText().isBlank());
    assertEquals("dr.chen", patient.get("forwardedTo").get(0).get("to").asText());
    assertEquals(0, patient.get("forwards").size(), "the patient sees to whom, not the note");
    assertFalse(patient.toString().contains("Chen — could"), "no note for the patient");
    JsonNode inList = listedThread(id, "pat.jones");
    assertEquals("dr.chen", inList.get("forwardedTo").get(0).get("to").asText());

    assertEquals(1, audited("dr.smith", "FORWARDED", since, "thread/" + id + "/to/dr.chen"));

    // the recipient may answer the patient
    assertEquals(
        201,
        Portal.post("/threads/" + id + "/messages", "dr.chen", Map.of("body", "Dr. Chen here."))
            .statusCode());
  }

  @Test
  void aForwardToATeamLetsItsMembersReadIt() {
    Teams.create(team, "Forwarding " + team);
    Teams.addMember(team, "nurse.lee", "STAFF");
    Instant since = Instant.now().minusSeconds(1);
    long id = toSmith("For the team");
    if (!Hospital.openNow()) {
      // (in business hours nurse.lee, staff of dr.smith's pool, works it anyway: StaffHoursApiIT)
      Portal.assertProblem(Portal.get("/threads/" + id, "nurse.lee"), 404);
    }

    assertEquals(
        204,
        Portal.post(
                "/threads/" + id + "/forward",
                "dr.smith",
                Map.of("to", "pool:" + team, "note", "Please book the scan."))
            .statusCode());
    assertEquals(200, Portal.get("/threads/" + id, "nurse.lee").statusCode());
    assertTrue(listed(id, "nurse.lee"), "in the team's queue");
    JsonNode line = last(open(id, "pat.jones").get("history"));
    assertEquals("pool:" + team, line.get("to").asText());
    assertEquals("Forwarding " + team, line.get("toName").asText(), "the team by its name");
    assertEquals(1, audited("dr.smith", "FORWARDED", since, "thread/" + id + "/to/pool:" + team));
    // nurse.lee (staff) may forward it on, to a clinician
    assertEquals(
        204,
        Portal.post(
                "/threads/" + id + "/forward",
                "nurse.lee",
                Map.of("to", "dr.chen", "note", "For you, doctor."))
            .statusCode());
    assertEquals(200, Portal.get("/threads/" + id, "dr.chen").statusCode());
  }

  @Test
  void nothingButAClinicianOrPoolOfThePortalIsARecipient() {
    long id = toSmith("Stay inside");
    for (String to :
        List.of(
            "someone@example.com",
            "mailto:dr.chen@portal.test",
            "https://example.com/inbox",
            "nobody.here",
            "pool:no-such-team",
            "sam.rivera",
            "nurse.lee",
            "dr.chen@portal.test")) {
      Instant since = Instant.now().minusSeconds(1);
      JsonNode problem =
          Portal.assertProblem(
              Portal.post(
                  "/threads/" + id + "/forward", "dr.smith", Map.of("to", to, "note", "Outside?")),
              400);
      assertEquals("to", problem.get("field").asText(), problem.toString());
      assertEquals(
          1,
          audited("dr.smith", "ACCESS_DENIED", since, "thread/" + id + "/forward/to/" + to),
          "the refusal of " + to + " is audited");
    }
    Map<String, Object> noNote = new HashMap<>();
    noNote.put("to", "dr.chen");
    assertEquals(
        "note",
        Portal.assertProblem(Portal.post("/threads/" + id + "/forward", "dr.smith", noNote), 400)
            .get("field")
            .asText());
    assertEquals(
        "to",
        Portal.assertProblem(Portal.post("/threads/" + id + "/forward", "dr.smith", Map.of()), 400)
            .get("field")
            .asText());
    JsonNode thread = open(id, "pat.jones");
    assertEquals(0, thread.get("forwardedTo").size(), "nothing was forwarded");
    Portal.assertProblem(Portal.get("/threads/" + id, "dr.chen"), 404);
  }

  @Test
  void aPatientMayNotForwardNorMayAClinicianTheThreadIsNotFor() {
    Instant since = Instant.now().minusSeconds(1);
    long id = toSmith("Mine");
    Portal.assertProblem(
        Portal.post(
            "/threads/" + id + "/forward", "pat.jones", Map.of("to", "dr.chen", "note", "Hi")),
        403);
    assertEquals(
        1,
        audited(
            "pat.jones", "ACCESS_DENIED", since, "POST /portal/api/v1/threads/" + id + "/forward"));
    Portal.assertProblem(
        Portal.post("/threads/" + id + "/forward", "dr.chen", Map.of("to", "dr.chen", "note", "x")),
        404);
    assertEquals(1, audited("dr.chen", "ACCESS_DENIED", since, "thread/" + id));
    Portal.assertProblem(
        Portal.post(
            "/threads/" + id + "/forward", "comms.diaz", Map.of("to", "dr.chen", "note", "x")),
        403);
    Portal.assertProblem(Portal.get("/threads/" + id, "dr.chen"), 404);
  }

  private static long toSmith(String body) {
    return Messages.start(
        "pat.jones", Messages.draft("dr.smith", "GENERAL", Messages.marker("fwd"), body, false));
  }

  static JsonNode open(long id, String user) {
    var response = Portal.get("/threads/" + id, user);
    assertEquals(200, response.statusCode(), response.body());
    return Portal.json(response.body());
  }

  static JsonNode listedThread(long id, String user) {
    return Messages.allThreads("size=100", user).stream()
        .filter(t -> t.get("id").asLong() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("thread " + id + " not listed for " + user));
  }

  static boolean listed(long id, String user) {
    return Messages.allThreads("status=OPEN&size=100", user).stream()
        .anyMatch(t -> t.get("id").asLong() == id);
  }

  private static JsonNode last(JsonNode array) {
    List<JsonNode> all = StreamSupport.stream(array.spliterator(), false).toList();
    assertFalse(all.isEmpty());
    return all.get(all.size() - 1);
  }

  static long audited(String actor, String action, Instant since, String resource) {
    return Messages.audit(actor, action, since).stream()
        .filter(e -> resource.equals(e.get("resource").asText()))
        .count();
  }
}

package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Hospital;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.messaging.control.TurnaroundPolicy;
import org.patientportal.messaging.entity.Category;

/**
 * Turnaround through the API, as each person would use it: a patient's message gets a due time in
 * business days (one for a prescription); the care team claims, releases and assigns it, each step
 * audited and in the thread's history; the patient sees who has it, with their role, and by when.
 * The refusals: a patient claiming (403), a clinician the thread is not addressed to (404), a
 * colleague taking a claimed thread without leading the team (409), an assignment to someone off
 * the team (400 naming "to"), each refusal of authority with its ACCESS_DENIED entry.
 */
class TurnaroundApiIT {

  private static final String POOL = "pool:breast-oncology";

  @BeforeAll
  static void guidelines() {
    Messages.acceptGuidelines("pat.jones");
  }

  @Test
  void aPrescriptionMessageIsDueInOneBusinessDayAndThePatientSeesWhoHasIt() {
    Instant since = Instant.now();
    String subject = Messages.marker("refill");
    long id =
        Messages.start(
            "pat.jones",
            Messages.draft(POOL, "PRESCRIPTION", subject, "Can I get a refill? 💊", false));

    JsonNode opened = open(id, "pat.jones");
    assertTrue(opened.has("assignee") && opened.has("escalation"), "present, as null: " + opened);
    assertTrue(opened.get("assignee").isNull(), opened.toString());
    Instant sentAt = Instant.parse(opened.get("messages").get(0).get("sentAt").asText());
    // the portal's settings as the build gives them to the server and the tests (Hospital)
    TurnaroundPolicy defaults = TurnaroundPolicy.of(System::getProperty);
    assertEquals(
        defaults.due(Category.PRESCRIPTION, sentAt).dueBy(),
        Instant.parse(opened.get("dueBy").asText()),
        "one business day in the hospital's business hours (New York's by default)");
    assertTrue(opened.get("escalation").isNull());
    JsonNode listed = listed(id, "pat.jones");
    assertEquals(opened.get("dueBy").asText(), listed.get("dueBy").asText());
    assertTrue(listed.get("assignee").isNull());
    assertEquals("OPEN", listed.get("status").asText());

    // nurse.lee (staff of the pool) takes it; the patient sees her, as staff, and the due time
    assertEquals(204, Portal.post("/threads/" + id + "/claim", "nurse.lee", Map.of()).statusCode());
    JsonNode seen = open(id, "pat.jones");
    assertEquals("nurse.lee", seen.get("assignee").get("username").asText());
    assertEquals("STAFF", seen.get("assignee").get("role").asText());
    assertFalse(seen.get("assignee").get("displayName").asText().isBlank());
    assertEquals(opened.get("dueBy").asText(), seen.get("dueBy").asText());
    assertEquals("nurse.lee", listed(id, "pat.jones").get("assignee").get("username").asText());
    JsonNode history = seen.get("history");
    assertEquals(1, history.size(), history.toString());
    assertEquals("CLAIMED", history.get(0).get("kind").asText());
    assertEquals("nurse.lee", history.get(0).get("by").asText());
    assertEquals(1, audited("nurse.lee", "THREAD_CLAIMED", since, "thread/" + id));

    // dr.chen may not take it from her: 409, and nothing changes
    JsonNode conflict =
        Portal.assertProblem(Portal.post("/threads/" + id + "/claim", "dr.chen", Map.of()), 409);
    assertFalse(conflict.get("detail").asText().isBlank());
    Portal.assertProblem(Portal.post("/threads/" + id + "/release", "dr.chen", Map.of()), 409);
    Portal.assertProblem(
        Portal.post("/threads/" + id + "/assignment", "dr.chen", Map.of("to", "dr.chen")), 409);
    assertEquals("nurse.lee", open(id, "pat.jones").get("assignee").get("username").asText());

    // dr.smith leads the team: he gives it to dr.chen
    assertEquals(
        204,
        Portal.post("/threads/" + id + "/assignment", "dr.smith", Map.of("to", "dr.chen"))
            .statusCode());
    JsonNode given = open(id, "pat.jones");
    assertEquals("dr.chen", given.get("assignee").get("username").asText());
    assertEquals("CLINICIAN", given.get("assignee").get("role").asText());
    JsonNode assigned = given.get("history").get(1);
    assertEquals("ASSIGNED", assigned.get("kind").asText());
    assertEquals("dr.smith", assigned.get("by").asText());
    assertEquals("dr.chen", assigned.get("to").asText());
    assertEquals(1, audited("dr.smith", "THREAD_ASSIGNED", since, "thread/" + id + "/to/dr.chen"));

    // dr.chen lets it go
    assertEquals(204, Portal.post("/threads/" + id + "/release", "dr.chen", Map.of()).statusCode());
    JsonNode released = open(id, "pat.jones");
    assertTrue(released.get("assignee").isNull());
    assertEquals("RELEASED", released.get("history").get(2).get("kind").asText());
    assertEquals(1, audited("dr.chen", "THREAD_RELEASED", since, "thread/" + id));

    // the care team answers: nothing waits any more; the patient writes again: due again
    assertEquals(
        201,
        Portal.post("/threads/" + id + "/messages", "dr.smith", Map.of("body", "Sent to pharmacy."))
            .statusCode());
    assertTrue(open(id, "pat.jones").get("dueBy").isNull());
    assertEquals(
        201,
        Portal.post(
                "/threads/" + id + "/messages", "pat.jones", Map.of("body", "¡Gracias! ¿Cuándo?"))
            .statusCode());
    assertFalse(open(id, "pat.jones").get("dueBy").isNull());
  }

  @Test
  void anAssignmentGoesOnlyToAMemberOfTheTeam() {
    long id =
        Messages.start(
            "pat.jones",
            Messages.draft(POOL, "GENERAL", Messages.marker("assign"), "Question", false));
    for (Object to : new Object[] {"sam.rivera", "comms.diaz", "nobody.here", ""}) {
      JsonNode problem =
          Portal.assertProblem(
              Portal.post("/threads/" + id + "/assignment", "dr.chen", Map.of("to", to)), 400);
      assertEquals("to", problem.get("field").asText(), problem.toString());
    }
    JsonNode missing =
        Portal.assertProblem(
            Portal.post("/threads/" + id + "/assignment", "dr.chen", Map.of()), 400);
    assertEquals("to", missing.get("field").asText());
    assertTrue(open(id, "pat.jones").get("assignee").isNull());
  }

  @Test
  void aPatientMayNotClaimAndAClinicianOutsideTheThreadFindsNothing() {
    Instant since = Instant.now();
    // addressed to dr.smith by name: dr.chen, though of the same pool, is not on its care side
    long id =
        Messages.start(
            "pat.jones",
            Messages.draft("dr.smith", "GENERAL", Messages.marker("own"), "For Dr. Smith", false));

    HttpResponse<String> byPatient =
        Portal.post("/threads/" + id + "/claim", "pat.jones", Map.of());
    Portal.assertProblem(byPatient, 403);
    assertEquals(
        1,
        audited(
            "pat.jones", "ACCESS_DENIED", since, "POST /portal/api/v1/threads/" + id + "/claim"));
    Portal.assertProblem(
        Portal.post("/threads/" + id + "/assignment", "pat.jones", Map.of("to", "dr.smith")), 403);

    Portal.assertProblem(Portal.post("/threads/" + id + "/claim", "dr.chen", Map.of()), 404);
    assertEquals(1, audited("dr.chen", "ACCESS_DENIED", since, "thread/" + id));
    if (!Hospital.openNow()) {
      // (in business hours the pool's staff work dr.smith's threads: StaffHoursApiIT)
      Portal.assertProblem(Portal.post("/threads/" + id + "/release", "nurse.lee", Map.of()), 404);
      assertEquals(1, audited("nurse.lee", "ACCESS_DENIED", since, "thread/" + id));
    }
    Portal.assertProblem(Portal.post("/threads/" + id + "/claim", "comms.diaz", Map.of()), 403);
    Portal.assertProblem(
        Portal.post("/threads/" + 999_999_999L + "/claim", "dr.smith", Map.of()), 404);

    // dr.smith gives it to dr.chen, his colleague on the team: now dr.chen may read it
    Portal.assertProblem(Portal.get("/threads/" + id, "dr.chen"), 404);
    assertEquals(
        204,
        Portal.post("/threads/" + id + "/assignment", "dr.smith", Map.of("to", "dr.chen"))
            .statusCode());
    assertEquals(200, Portal.get("/threads/" + id, "dr.chen").statusCode());
    assertTrue(
        Messages.allThreads("status=OPEN&size=100", "dr.chen").stream()
            .anyMatch(t -> t.get("id").asLong() == id),
        "in dr.chen's queue");
  }

  @Test
  void quickReplyTemplatesArePersonalOrTheTeams() {
    Instant since = Instant.now();
    String mine = Messages.marker("mine");
    String text = "Hola 👋 — su receta está lista. שלום\nSaludos";
    HttpResponse<String> created =
        Portal.post("/me/templates", "dr.chen", Map.of("title", mine, "text", text));
    assertEquals(201, created.statusCode(), created.body());
    long personal = Portal.json(created.body()).get("id").asLong();
    assertEquals(1, audited("dr.chen", "TEMPLATE_CREATED", since, "template/" + personal));

    String teams = Messages.marker("team");
    HttpResponse<String> team =
        Portal.post(
            "/me/templates",
            "nurse.lee",
            Map.of("title", teams, "text", "Your results are in.", "pool", "breast-oncology"));
    assertEquals(201, team.statusCode(), team.body());
    long shared = Portal.json(team.body()).get("id").asLong();

    List<JsonNode> chens = templates("dr.chen");
    JsonNode own = find(chens, personal);
    assertEquals(mine, own.get("title").asText());
    assertEquals(text, own.get("text").asText(), "Spanish, emoji and Hebrew come back whole");
    assertTrue(own.get("pool").isNull());
    assertTrue(own.get("deletable").asBoolean());
    JsonNode ofTeam = find(chens, shared);
    assertEquals("breast-oncology", ofTeam.get("pool").asText());
    assertFalse(ofTeam.get("deletable").asBoolean());
    assertTrue(
        templates("nurse.lee").stream().noneMatch(t -> t.get("id").asLong() == personal),
        "a personal template is its author's alone");

    JsonNode noTitle =
        Portal.assertProblem(Portal.post("/me/templates", "dr.chen", Map.of("text", "x")), 400);
    assertEquals("title", noTitle.get("field").asText());
    JsonNode otherPool =
        Portal.assertProblem(
            Portal.post(
                "/me/templates",
                "dr.chen",
                Map.of("title", "t", "text", "x", "pool", "cardiology")),
            400);
    assertEquals("pool", otherPool.get("field").asText());
    Portal.assertProblem(Portal.get("/me/templates", "pat.jones"), 403);
    Portal.assertProblem(
        Portal.post("/me/templates", "pat.jones", Map.of("title", "t", "text", "x")), 403);

    Portal.assertProblem(delete("/me/templates/" + shared, "dr.chen"), 404);
    assertEquals(1, audited("dr.chen", "ACCESS_DENIED", since, "template/" + shared));
    assertEquals(204, delete("/me/templates/" + shared, "nurse.lee").statusCode());
    assertEquals(204, delete("/me/templates/" + personal, "dr.chen").statusCode());
    assertTrue(templates("dr.chen").stream().noneMatch(t -> t.get("id").asLong() == personal));
  }

  static JsonNode open(long id, String user) {
    HttpResponse<String> response = Portal.get("/threads/" + id, user);
    assertEquals(200, response.statusCode(), response.body());
    return Portal.json(response.body());
  }

  static JsonNode listed(long id, String user) {
    return Messages.allThreads("size=100", user).stream()
        .filter(t -> t.get("id").asLong() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("thread " + id + " not listed for " + user));
  }

  static List<JsonNode> templates(String user) {
    HttpResponse<String> response = Portal.get("/me/templates", user);
    assertEquals(200, response.statusCode(), response.body());
    return new ArrayList<>(
        StreamSupport.stream(Portal.json(response.body()).spliterator(), false).toList());
  }

  static JsonNode find(List<JsonNode> templates, long id) {
    return templates.stream()
        .filter(t -> t.get("id").asLong() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("template " + id + " not in " + templates));
  }

  static HttpResponse<String> delete(String path, String user) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1" + path))
            .header("Authorization", "Bearer " + Portal.token(user))
            .header("Accept", "application/json")
            .DELETE()
            .build());
  }

  /**
   * How many entries of {@code action} by {@code actor} since {@code since} name {@code resource}.
   */
  static long audited(String actor, String action, Instant since, String resource) {
    return Messages.audit(actor, action, since).stream()
        .filter(e -> resource.equals(e.get("resource").asText()))
        .count();
  }
}

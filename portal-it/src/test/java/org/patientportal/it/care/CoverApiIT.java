package org.patientportal.it.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Hospital;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.it.support.Teams;

/**
 * Cover, as a clinician, a colleague and a patient meet it through the API: dr.smith records a
 * vacation with dr.chen covering (both clinicians of a team of this test's own, which cares for
 * sam.rivera); while it runs, sam.rivera's new message to dr.smith goes to dr.chen and the answer
 * says so, and dr.chen works dr.smith's open threads; without cover dr.chen sees none of them. The
 * rules of a period (a cover who is a clinician of a shared team, days in order, no overlap) are
 * refused naming the field; everything is audited.
 */
class CoverApiIT {

  /** The portal's default hospital zone: its "today" decides whether a period runs. */
  private static final ZoneId HOSPITAL = ZoneId.of("America/New_York");

  private final String code = Teams.code("it-cover");
  private final LocalDate today = LocalDate.now(HOSPITAL);

  @BeforeEach
  void aTeamOfTwoClinicians() {
    Teams.clearAway("dr.smith");
    Teams.clearAway("dr.chen");
    Teams.create(code, "Cover");
    Teams.addMember(code, "dr.smith", "CLINICIAN");
    Teams.addMember(code, "dr.chen", "CLINICIAN");
    Teams.addMember(code, "nurse.lee", "STAFF");
    Teams.addPatient(code, "sam.rivera");
    Messages.acceptGuidelines("sam.rivera");
  }

  @AfterEach
  void nobodyAwayAndTheTeamEmpty() {
    Teams.clearAway("dr.smith");
    Teams.clearAway("dr.chen");
    Teams.empty(code);
  }

  @Test
  void withoutCoverAColleagueSeesNoneOfAClinicansThreads() {
    long thread = Messages.start("sam.rivera", toSmith("Without cover"));
    Instant since = Instant.now().minusSeconds(1);
    Portal.assertProblem(Portal.get("/threads/" + thread, "dr.chen"), 404);
    assertTrue(
        Messages.audit("dr.chen", "ACCESS_DENIED", since).stream()
            .anyMatch(
                e ->
                    e.get("resource").asText().equals("thread/" + thread)
                        && "sam.rivera".equals(e.path("patient").asText(null))),
        "the refusal is audited");
    assertFalse(listed("dr.chen").contains(thread));
  }

  @Test
  void duringAVacationNewMessagesGoToTheCoverWhoWorksTheOpenThreads() {
    long before = Messages.start("sam.rivera", toSmith("Before the vacation"));
    Instant since = Instant.now().minusSeconds(1);

    HttpResponse<String> recorded =
        Portal.post("/me/away", "dr.smith", away(today.minusDays(1), today.plusDays(1), "dr.chen"));
    assertEquals(201, recorded.statusCode(), recorded.body());
    JsonNode period = Portal.json(recorded.body());
    long id = period.get("id").asLong();
    assertEquals("dr.chen", period.get("cover").asText());
    assertEquals("VACATION", period.get("kind").asText());
    assertTrue(recorded.headers().firstValue("Location").orElse("").endsWith("/me/away/" + id));
    assertEquals(1, Portal.json(Portal.get("/me/away", "dr.smith").body()).size());
    assertAudited("dr.smith", "AWAY_RECORDED", "away/" + id + " ", since);

    // the patient is told on sending who is covering
    HttpResponse<String> sent = Portal.post("/threads", "sam.rivera", toSmith("During it"));
    assertEquals(201, sent.statusCode(), sent.body());
    JsonNode started = Portal.json(sent.body());
    long during = started.get("id").asLong();
    assertEquals("dr.chen", started.get("coveredBy").asText());
    assertEquals("Wei Chen", started.get("coveredByName").asText());
    assertEquals(
        "dr.chen",
        Portal.json(Portal.get("/threads/" + during, "sam.rivera").body()).get("to").asText());
    assertAudited(
        "sam.rivera",
        "MESSAGE_ROUTED_TO_COVER",
        "thread/" + during + " for dr.smith to dr.chen",
        since);

    // the cover works the absent clinician's open threads: lists, opens (audited), replies
    assertTrue(listed("dr.chen").containsAll(List.of(before, during)));
    HttpResponse<String> opened = Portal.get("/threads/" + before, "dr.chen");
    assertEquals(200, opened.statusCode(), opened.body());
    assertAudited("dr.chen", "COVER_ACCESS", "thread/" + before + " covering dr.smith", since);
    assertAudited("dr.chen", "MESSAGE_OPENED", "message/", since);
    assertEquals(
        201,
        Portal.post("/threads/" + before + "/messages", "dr.chen", Map.of("body", "Dr. Chen here."))
            .statusCode());
    // ...but staff do not cover: they process the team's clinicians' threads in business hours
    // only, by their own rule (StaffHoursApiIT)
    if (Hospital.openNow()) {
      assertEquals(200, Portal.get("/threads/" + before, "nurse.lee").statusCode());
    } else {
      Portal.assertProblem(Portal.get("/threads/" + before, "nurse.lee"), 404);
    }

    // once the period is deleted, messages reach dr.smith again and dr.chen sees no more
    assertEquals(204, Portal.delete("/me/away/" + id, "dr.smith").statusCode());
    assertAudited("dr.smith", "AWAY_DELETED", "away/" + id + " ", since);
    Portal.assertProblem(Portal.get("/threads/" + before, "dr.chen"), 404);
    JsonNode after = Portal.json(Portal.post("/threads", "sam.rivera", toSmith("After")).body());
    assertTrue(after.path("coveredBy").isMissingNode(), after.toString());
    assertEquals(
        "dr.smith",
        Portal.json(Portal.get("/threads/" + after.get("id").asLong(), "sam.rivera").body())
            .get("to")
            .asText());
  }

  @Test
  void twoCliniciansAwayCoveringEachOtherLeaveTheMessageWhereItWasAddressed() {
    // covers of covers are followed to the first one present (AddressingTest); here nobody is
    assertEquals(
        201,
        Portal.post("/me/away", "dr.smith", away(today.minusDays(1), today.plusDays(1), "dr.chen"))
            .statusCode());
    assertEquals(
        201,
        Portal.post("/me/away", "dr.chen", away(today, today.plusDays(2), "dr.smith"))
            .statusCode());
    JsonNode sent = Portal.json(Portal.post("/threads", "sam.rivera", toSmith("Both away")).body());
    assertTrue(sent.path("coveredBy").isMissingNode(), sent.toString());
    assertEquals(
        "dr.smith",
        Portal.json(Portal.get("/threads/" + sent.get("id").asLong(), "sam.rivera").body())
            .get("to")
            .asText());
  }

  @Test
  void aFuturePeriodRoutesNothingYet() {
    assertEquals(
        201,
        Portal.post("/me/away", "dr.smith", away(today.plusDays(3), today.plusDays(5), "dr.chen"))
            .statusCode());
    JsonNode sent = Portal.json(Portal.post("/threads", "sam.rivera", toSmith("Not yet")).body());
    assertTrue(sent.path("coveredBy").isMissingNode(), sent.toString());
  }

  @Test
  void theRulesOfAPeriodAreRefusedNamingTheField() {
    LocalDate from = today.plusDays(10);
    LocalDate to = today.plusDays(12);
    // the cover: a clinician of a team the absent clinician works in, not themselves
    assertField(Portal.post("/me/away", "dr.smith", away(from, to, "nurse.lee")), "cover");
    assertField(Portal.post("/me/away", "dr.smith", away(from, to, "pat.jones")), "cover");
    assertField(Portal.post("/me/away", "dr.smith", away(from, to, "dr.smith")), "cover");
    assertField(Portal.post("/me/away", "dr.smith", away(from, to, "dr.nobody")), "cover");
    assertField(Portal.post("/me/away", "dr.smith", away(from, to, "")), "cover");
    // the days: in order, not over, well formed, and not overlapping another period
    assertField(Portal.post("/me/away", "dr.smith", away(to, from, "dr.chen")), "to");
    assertField(
        Portal.post(
            "/me/away", "dr.smith", away(today.minusDays(5), today.minusDays(2), "dr.chen")),
        "to");
    Map<String, Object> badDay = away(from, to, "dr.chen");
    badDay.put("from", "24/12/2026");
    assertField(Portal.post("/me/away", "dr.smith", badDay), "from");
    Map<String, Object> badKind = away(from, to, "dr.chen");
    badKind.put("kind", "HOLIDAY");
    assertField(Portal.post("/me/away", "dr.smith", badKind), "kind");
    assertEquals(201, Portal.post("/me/away", "dr.smith", away(from, to, "dr.chen")).statusCode());
    assertField(Portal.post("/me/away", "dr.smith", away(to, to.plusDays(3), "dr.chen")), "from");
    assertEquals(1, Portal.json(Portal.get("/me/away", "dr.smith").body()).size());
  }

  @Test
  void onlyTheClinicianTheirselfRecordsOrDeletesTheirPeriods() {
    long id =
        Portal.json(
                Portal.post(
                        "/me/away",
                        "dr.smith",
                        away(today.plusDays(20), today.plusDays(21), "dr.chen"))
                    .body())
            .get("id")
            .asLong();
    Instant since = Instant.now().minusSeconds(1);
    Portal.assertProblem(Portal.delete("/me/away/" + id, "dr.chen"), 403);
    Portal.assertProblem(Portal.post("/me/away", "nurse.lee", away(today, today, "dr.chen")), 403);
    Portal.assertProblem(Portal.get("/me/away", "pat.jones"), 403);
    assertTrue(
        Messages.audit("dr.chen", "ACCESS_DENIED", since).stream()
            .anyMatch(
                e -> e.get("resource").asText().equals("DELETE /portal/api/v1/me/away/" + id)));
    assertTrue(
        Messages.audit("nurse.lee", "ACCESS_DENIED", since).stream()
            .anyMatch(e -> e.get("resource").asText().equals("POST /portal/api/v1/me/away")));
    assertTrue(
        Messages.audit("pat.jones", "ACCESS_DENIED", since).stream()
            .anyMatch(e -> e.get("resource").asText().equals("GET /portal/api/v1/me/away")));
    assertEquals(1, Portal.json(Portal.get("/me/away", "dr.smith").body()).size());
  }

  private static Map<String, Object> toSmith(String what) {
    return Messages.draft(
        "dr.smith", "GENERAL", Messages.marker(what), "¿Puede llamarme? 📞 مرحبا", false);
  }

  private static Map<String, Object> away(LocalDate from, LocalDate to, String cover) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from.toString());
    body.put("to", to.toString());
    body.put("kind", "VACATION");
    body.put("cover", cover);
    return body;
  }

  private static List<Long> listed(String user) {
    return Messages.allThreads("patient=sam.rivera&size=100", user).stream()
        .map(t -> t.get("id").asLong())
        .toList();
  }

  private static void assertField(HttpResponse<String> response, String field) {
    JsonNode problem = Portal.assertProblem(response, 400);
    assertEquals(field, problem.path("field").asText(null), response.body());
  }

  private static void assertAudited(String actor, String action, String resource, Instant since) {
    List<JsonNode> entries = Messages.audit(actor, action, since);
    assertTrue(
        entries.stream().anyMatch(e -> e.get("resource").asText().startsWith(resource)),
        action + " " + resource + " in " + entries);
  }
}

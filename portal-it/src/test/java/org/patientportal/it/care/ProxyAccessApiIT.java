package org.patientportal.it.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * Proxy access over the API (issue 11, point 1): sam.rivera lets chris.jones (a caregiver) read and
 * write her messages; chris lists whom he acts for, lists, opens and answers her threads and starts
 * one for her, each audited with both names (actor chris.jones, on behalf of sam.rivera), and sam's
 * access report shows his opens. Outside the scope (a request without REQUESTS), for a patient who
 * granted nothing, and after sam revokes the grant, every call is refused (404 problem+json) and
 * audited as ACCESS_DENIED. Staff of sam's care team set a grant up with a reason and list it.
 */
class ProxyAccessApiIT {

  private static final String PATIENT = "sam.rivera";
  private static final String PROXY = "chris.jones";

  @BeforeEach
  @AfterEach
  void noGrantFromSam() {
    for (JsonNode g : array(Portal.get("/me/proxies", PATIENT))) {
      if (g.path("revokedAt").isNull() || g.path("revokedAt").isMissingNode()) {
        Portal.delete("/me/proxies/" + g.get("id").asLong(), PATIENT);
      }
    }
  }

  @Test
  void aCaregiverActsForThePatientWithinTheGrantAndBothAreAudited() {
    Messages.acceptGuidelines(PATIENT);
    Instant since = Instant.now().minusSeconds(1);
    String subject = Messages.marker("Proxy ¿qué tal? 🙂 שלום");
    long own = Messages.start(PATIENT, Messages.draft("dr.smith", "GENERAL", subject, "Hi", false));

    // before any grant: refused, and audited
    assertEquals(404, Portal.get("/threads/" + own, PROXY).statusCode());
    Portal.assertProblem(Portal.get("/threads?patient=" + PATIENT, PROXY), 404);

    // sam grants messaging for 30 days
    JsonNode grant = grant(List.of("MESSAGING"));
    assertEquals(PROXY, grant.get("proxy").asText());
    assertEquals(List.of("MESSAGING"), texts(grant.get("scopes")));
    JsonNode listed = first(array(Portal.get("/me/proxies", PATIENT)));
    assertEquals(grant.get("id").asLong(), listed.get("id").asLong());

    // chris sees whom he acts for: pat.jones (the demo's grant) and sam
    List<JsonNode> actingFor = array(Portal.get("/me/acting-for", PROXY));
    assertTrue(
        actingFor.stream().anyMatch(g -> g.get("patient").asText().equals(PATIENT)),
        actingFor.toString());

    // he lists her threads, opens one and answers it
    List<Long> ids =
        array(Portal.get("/threads?patient=" + PATIENT + "&size=100", PROXY)).stream()
            .map(t -> t.get("id").asLong())
            .toList();
    assertTrue(ids.contains(own), "her thread is in his list for her");
    HttpResponse<String> opened = Portal.get("/threads/" + own + "?patient=" + PATIENT, PROXY);
    assertEquals(200, opened.statusCode(), opened.body());
    assertEquals(subject, Portal.json(opened.body()).get("subject").asText());
    HttpResponse<String> replied =
        Portal.post(
            "/threads/" + own + "/messages",
            PROXY,
            Map.of("body", "Escribo por Sam — gracias 🙏", "patient", PATIENT));
    assertEquals(201, replied.statusCode(), replied.body());

    // and starts a thread for her, to her care team
    Map<String, Object> draft =
        Messages.draft("pool:breast-oncology", "APPOINTMENT", "Para Sam", "¿Cita el lunes?", false);
    draft.put("patient", PATIENT);
    long started = Messages.start(PROXY, draft);
    JsonNode thread = Portal.json(Portal.get("/threads/" + started, PATIENT).body());
    assertEquals(PATIENT, thread.get("patient").asText());
    JsonNode message = thread.get("messages").get(0);
    assertEquals(PROXY, message.get("from").asText());
    assertEquals(PATIENT, message.get("onBehalfOf").asText());
    assertEquals("Sam Rivera", message.get("onBehalfOfName").asText());

    // the audit names both, for each of these messages he opened or wrote (other tests may
    // leave entries of his in the log at the same time)
    List<String> resources =
        List.of(own, started).stream()
            .flatMap(
                t ->
                    StreamSupport.stream(
                        Portal.json(Portal.get("/threads/" + t, PATIENT).body())
                            .get("messages")
                            .spliterator(),
                        false))
            .map(m -> "message/" + m.get("id").asLong())
            .toList();
    for (String action : List.of("MESSAGE_OPENED", "MESSAGE_SENT")) {
      List<JsonNode> entries =
          Messages.audit(PROXY, action, since).stream()
              .filter(e -> resources.contains(e.path("resource").asText()))
              .toList();
      assertFalse(entries.isEmpty(), action);
      assertTrue(
          entries.stream()
              .allMatch(
                  e ->
                      e.path("patient").asText().equals(PATIENT)
                          && e.path("onBehalfOf").asText().equals(PATIENT)),
          entries.toString());
    }
    // and her access report shows his opens, as a proxy
    List<JsonNode> report = array(Portal.get("/me/access-log", PATIENT));
    assertTrue(
        report.stream()
            .anyMatch(
                l ->
                    l.get("actor").asText().equals(PROXY)
                        && l.get("action").asText().equals("MESSAGE_OPENED")
                        && l.get("role").asText().equals("proxy")),
        report.toString());

    // outside the scope: no requests under a messaging-only grant
    Instant beforeRequest = Instant.now().minusMillis(1);
    Portal.assertProblem(Portal.post("/requests", PROXY, renewal()), 404);
    assertTrue(
        Messages.audit(PROXY, "ACCESS_DENIED", beforeRequest).stream()
            .anyMatch(e -> e.get("resource").asText().equals("patient/" + PATIENT)));

    // revoked: every call refused and audited
    assertEquals(
        204, Portal.delete("/me/proxies/" + grant.get("id").asLong(), PATIENT).statusCode());
    Instant afterRevoke = Instant.now().minusMillis(1);
    Portal.assertProblem(Portal.get("/threads/" + own, PROXY), 404);
    Portal.assertProblem(Portal.get("/threads?patient=" + PATIENT, PROXY), 404);
    Portal.assertProblem(
        Portal.post("/threads/" + own + "/messages", PROXY, Map.of("body", "still?")), 404);
    Portal.assertProblem(Portal.post("/threads", PROXY, draft), 404);
    List<JsonNode> denied = Messages.audit(PROXY, "ACCESS_DENIED", afterRevoke);
    assertTrue(denied.size() >= 4, denied.toString());
    assertTrue(
        array(Portal.get("/me/acting-for", PROXY)).stream()
            .noneMatch(g -> g.get("patient").asText().equals(PATIENT)));
    assertFalse(first(array(Portal.get("/me/proxies", PATIENT))).get("revokedAt").isNull());
  }

  @Test
  void requestsNeedTheRequestsScope() {
    grant(List.of("REQUESTS"));
    HttpResponse<String> filed = Portal.post("/requests", PROXY, renewal());
    assertEquals(201, filed.statusCode(), filed.body());
    // requests only: her messages stay closed to him
    Portal.assertProblem(Portal.get("/threads?patient=" + PATIENT, PROXY), 404);
  }

  @Test
  void grantsAreCheckedAndOnlyThePatientsOwnAreRevoked() {
    // a year and a day at most, a caregiver only, a scope at least
    Portal.assertProblem(
        Portal.post(
            "/me/proxies",
            PATIENT,
            Map.of(
                "proxy",
                PROXY,
                "scopes",
                List.of("MESSAGING"),
                "expiresAt",
                Instant.now().plus(400, ChronoUnit.DAYS).toString())),
        400);
    Portal.assertProblem(
        Portal.post(
            "/me/proxies",
            PATIENT,
            Map.of("proxy", "dr.smith", "scopes", List.of("MESSAGING"), "expiresAt", in(30))),
        400);
    Portal.assertProblem(
        Portal.post(
            "/me/proxies",
            PATIENT,
            Map.of("proxy", PROXY, "scopes", List.of(), "expiresAt", in(30))),
        400);
    // pat.jones cannot end sam's grant, nor a caregiver grant anything
    JsonNode grant = grant(List.of("MESSAGING"));
    Portal.assertProblem(
        Portal.delete("/me/proxies/" + grant.get("id").asLong(), "pat.jones"), 404);
    assertEquals(403, Portal.get("/me/proxies", PROXY).statusCode());
  }

  @Test
  void staffOfTheCareTeamSetUpAccessWithAReason() {
    Portal.assertProblem(
        Portal.post(
            "/patients/" + PATIENT + "/proxies",
            "nurse.lee",
            Map.of("proxy", PROXY, "scopes", List.of("MESSAGING"), "expiresAt", in(600))),
        400);
    HttpResponse<String> created =
        Portal.post(
            "/patients/" + PATIENT + "/proxies",
            "nurse.lee",
            Map.of(
                "proxy",
                PROXY,
                "scopes",
                List.of("MESSAGING", "REQUESTS"),
                "expiresAt",
                in(600),
                "reason",
                "Paciente menor de edad; tutor legal: Chris Jones"));
    assertEquals(201, created.statusCode(), created.body());
    JsonNode grant = Portal.json(created.body());
    assertEquals("nurse.lee", grant.get("createdBy").asText());
    List<JsonNode> forStaff = array(Portal.get("/patients/" + PATIENT + "/proxies", "nurse.lee"));
    assertEquals(grant.get("id").asLong(), first(forStaff).get("id").asLong());
    // the patient sees it among her grants, with its reason
    assertEquals(
        "Paciente menor de edad; tutor legal: Chris Jones",
        first(array(Portal.get("/me/proxies", PATIENT))).get("reason").asText());
    // a clinician is no staff for this
    assertEquals(403, Portal.get("/patients/" + PATIENT + "/proxies", "dr.smith").statusCode());
    assertEquals(
        204,
        Portal.delete("/patients/" + PATIENT + "/proxies/" + grant.get("id").asLong(), "nurse.lee")
            .statusCode());
  }

  private static JsonNode grant(List<String> scopes) {
    HttpResponse<String> created =
        Portal.post(
            "/me/proxies", PATIENT, Map.of("proxy", PROXY, "scopes", scopes, "expiresAt", in(30)));
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(created.headers().firstValue("Location").orElseThrow().contains("/me/proxies/"));
    return Portal.json(created.body());
  }

  /** A prescription renewal for sam.rivera, as her caregiver files it. */
  private static Map<String, Object> renewal() {
    return Map.of(
        "type",
        "PRESCRIPTION_RENEWAL",
        "medication",
        "Tamoxifeno",
        "dose",
        "20 mg",
        "pharmacy",
        "Farmacia Núñez",
        "patient",
        PATIENT);
  }

  private static String in(int days) {
    return Instant.now().plus(days, ChronoUnit.DAYS).toString();
  }

  private static List<JsonNode> array(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return StreamSupport.stream(Portal.json(response.body()).spliterator(), false).toList();
  }

  private static JsonNode first(List<JsonNode> list) {
    assertFalse(list.isEmpty());
    return list.get(0);
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}

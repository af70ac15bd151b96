package org.patientportal.it.api;

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
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The auditor's search and exports over HTTP: filters by outcome and time, keyset paging, the FHIR
 * AuditEvent bundle, one AUDIT_EXPORT entry per export, and every other role refused in every
 * format with a 403 problem and an ACCESS_DENIED entry.
 */
class AuditExportIT {

  static final String JSON = "application/json";
  static final String CSV = "text/csv";
  static final String FHIR = "application/fhir+json";

  static final int REFUSALS = 7;
  static Instant start;

  /** dr.chen tries the audit log {@value #REFUSALS} times: seven refusals to search for. */
  @BeforeAll
  static void refusalsOfDrChen() {
    start = Instant.now().minusMillis(1);
    for (int i = 0; i < REFUSALS; i++) {
      Portal.assertProblem(Portal.get("/audit", "dr.chen"), 403);
    }
  }

  static HttpResponse<String> get(String path, String user, String accept) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1" + path))
            .header("Accept", accept)
            .header("Authorization", "Bearer " + Portal.token(user))
            .GET()
            .build());
  }

  static List<JsonNode> search(String query) {
    HttpResponse<String> response = Portal.get("/audit?" + query, "audit.kim");
    assertEquals(200, response.statusCode(), response.body());
    return StreamSupport.stream(Portal.json(response.body()).spliterator(), false).toList();
  }

  static List<Long> seqs(List<JsonNode> entries) {
    return entries.stream().map(e -> e.get("seq").asLong()).toList();
  }

  static String refusalsQuery() {
    return "actor=dr.chen&action=ACCESS_DENIED&from=" + start;
  }

  @Test
  void theOutcomeFilterKeepsOnlyThatOutcome() {
    List<JsonNode> denied = search(refusalsQuery() + "&outcome=DENIED");
    assertEquals(REFUSALS, denied.size(), denied.toString());
    denied.forEach(e -> assertEquals("DENIED", e.get("outcome").asText()));
    assertEquals(List.of(), search(refusalsQuery() + "&outcome=SUCCESS"));

    List<JsonNode> searches = search("actor=audit.kim&outcome=SUCCESS&size=20");
    assertFalse(searches.isEmpty());
    searches.forEach(e -> assertEquals("SUCCESS", e.get("outcome").asText()));

    JsonNode problem = Portal.assertProblem(Portal.get("/audit?outcome=MAYBE", "audit.kim"), 400);
    assertEquals("outcome", problem.get("field").asText());
  }

  @Test
  void theTimeRangeIncludesItsStartAndExcludesItsEnd() {
    JsonNode newest = search(refusalsQuery() + "&size=1").get(0);
    Instant at = Instant.parse(newest.get("at").asText());
    long seq = newest.get("seq").asLong();
    String actor = "actor=dr.chen&action=ACCESS_DENIED";

    assertTrue(
        seqs(search(actor + "&from=" + at + "&to=" + at.plusMillis(1))).contains(seq),
        "from is inclusive");
    assertFalse(seqs(search(actor + "&from=" + at.plusMillis(1))).contains(seq), "later start");
    assertFalse(seqs(search(actor + "&from=" + start + "&to=" + at)).contains(seq), "to excludes");

    JsonNode backwards =
        Portal.assertProblem(
            Portal.get("/audit?from=" + at + "&to=" + at.minusSeconds(60), "audit.kim"), 400);
    assertEquals("from", backwards.get("field").asText());
  }

  @Test
  void pagingByTheLastSequenceNumberWalksEveryEntryOnceNewestFirst() {
    List<Long> all = seqs(search(refusalsQuery() + "&size=100"));
    assertEquals(REFUSALS, all.size());

    List<Long> walked = new ArrayList<>();
    String before = "";
    for (int page = 0; page < 10; page++) {
      List<Long> seqs = seqs(search(refusalsQuery() + "&size=3" + before));
      if (seqs.isEmpty()) {
        break;
      }
      assertTrue(seqs.size() <= 3);
      walked.addAll(seqs);
      before = "&before=" + seqs.get(seqs.size() - 1);
    }
    assertEquals(all, walked, "three pages of 3, 3 and 1, newest first, each entry once");
    for (int i = 1; i < walked.size(); i++) {
      assertTrue(walked.get(i - 1) > walked.get(i), "newest first: " + walked);
    }
    assertEquals(all.subList(3, 6), seqs(search(refusalsQuery() + "&size=3&page=1")));

    assertEquals(
        "before",
        Portal.assertProblem(Portal.get("/audit?before=x", "audit.kim"), 400)
            .get("field")
            .asText());
    assertEquals(
        "page",
        Portal.assertProblem(Portal.get("/audit?before=10&page=2", "audit.kim"), 400)
            .get("field")
            .asText());
  }

  @Test
  void theFhirExportIsABundleOfTheMatchingAuditEvents() {
    List<JsonNode> found = search(refusalsQuery());
    List<Long> expected = seqs(found);
    java.util.Map<String, String> roles = new java.util.HashMap<>();
    found.forEach(e -> roles.put(e.get("seq").asText(), e.path("actorRole").asText("")));
    HttpResponse<String> response = get("/audit?" + refusalsQuery(), "audit.kim", FHIR);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith(FHIR),
        response.headers().toString());
    assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains(".json"));

    JsonNode bundle = Portal.json(response.body());
    assertEquals("Bundle", bundle.get("resourceType").asText());
    assertEquals("collection", bundle.get("type").asText());
    List<JsonNode> events = new ArrayList<>();
    bundle.get("entry").forEach(entry -> events.add(entry.get("resource")));
    assertEquals(
        expected, events.stream().map(e -> Long.valueOf(e.get("id").asText())).toList(), "ids");
    for (JsonNode event : events) {
      assertEquals("AuditEvent", event.get("resourceType").asText());
      assertEquals("rest", event.get("type").get("code").asText());
      assertEquals("4", event.get("outcome").asText(), "a refusal is a minor failure");
      assertTrue(event.get("recorded").asText().startsWith("20"));
      JsonNode agent = event.get("agent").get(0);
      assertTrue(agent.get("requestor").asBoolean());
      assertEquals("dr.chen", agent.get("who").get("identifier").get("value").asText());
      JsonNode role = agent.path("role").path(0).path("coding").path(0).path("code");
      assertEquals(roles.get(event.get("id").asText()), role.isMissingNode() ? "" : role.asText());
      assertFalse(agent.get("network").get("address").asText().isBlank());
      assertEquals("Patient Portal", event.get("source").get("observer").get("display").asText());
      assertEquals(
          "GET /portal/api/v1/audit",
          event.get("entity").get(0).get("what").get("identifier").get("value").asText());
    }
  }

  @Test
  void aPatientsEntriesNameThePatientInTheBundle() {
    Messages.acceptGuidelines("pat.jones");
    Instant before = Instant.now().minusMillis(1);
    long thread =
        Messages.start(
            "pat.jones",
            Messages.draft("dr.smith", "GENERAL", Messages.marker("Export"), "A question.", false));
    assertEquals(200, Portal.get("/threads/" + thread, "dr.smith").statusCode());
    HttpResponse<String> response =
        get(
            "/audit?patient=pat.jones&actor=dr.smith&action=MESSAGE_OPENED&from=" + before,
            "audit.kim",
            FHIR);
    JsonNode event = Portal.json(response.body()).get("entry").get(0).get("resource");
    assertEquals("read", event.get("subtype").get(0).get("code").asText());
    assertEquals("R", event.get("action").asText());
    assertEquals("0", event.get("outcome").asText());
    JsonNode patient = event.get("entity").get(0);
    assertEquals("Patient", patient.get("what").get("type").asText());
    // the hospital's medical record number (the demo's for pat.jones) and the username
    assertEquals("10004521", patient.get("what").get("identifier").get("value").asText());
    assertEquals(
        "MR",
        patient
            .get("what")
            .get("identifier")
            .get("type")
            .get("coding")
            .get(0)
            .get("code")
            .asText());
    assertEquals("pat.jones", patient.get("what").get("display").asText());
    assertEquals("pat.jones", patient.get("detail").get(0).get("valueString").asText());
    assertEquals("1", patient.get("role").get("code").asText());
    // BALP's client agent (with the client's address) and server agent
    List<String> agentTypes = new ArrayList<>();
    event
        .get("agent")
        .forEach(a -> agentTypes.add(a.get("type").get("coding").get(0).get("code").asText()));
    assertTrue(agentTypes.containsAll(List.of("110153", "110152")), agentTypes.toString());
    assertFalse(response.body().contains("A question."), "no message body in an audit export");
  }

  @Test
  void eachExportLeavesExactlyOneAuditExportEntryNamingItsFormat() {
    for (String format : List.of("csv", "fhir")) {
      Instant before = Instant.now().minusMillis(1);
      HttpResponse<String> export =
          get("/audit?" + refusalsQuery(), "audit.kim", format.equals("csv") ? CSV : FHIR);
      assertEquals(200, export.statusCode(), export.body());
      List<JsonNode> exports = Messages.audit("audit.kim", "AUDIT_EXPORT", before);
      assertEquals(1, exports.size(), format + ": " + exports);
      String resource = exports.get(0).get("resource").asText();
      assertTrue(resource.contains("format=" + format), resource);
      assertTrue(resource.contains("entries=" + REFUSALS), resource);
      assertTrue(resource.contains("actor=dr.chen"), resource);
      assertEquals("SUCCESS", exports.get(0).get("outcome").asText());
    }
    assertEquals(
        REFUSALS + 1,
        get("/audit?" + refusalsQuery(), "audit.kim", CSV).body().split("\r\n").length,
        "a header and one row per entry");
  }

  static Stream<Arguments> everyOtherRoleInEveryFormat() {
    return Stream.of("pat.jones", "chris.jones", "dr.smith", "nurse.lee", "comms.diaz", "admin.ito")
        .flatMap(user -> Stream.of(JSON, CSV, FHIR).map(format -> Arguments.of(user, format)));
  }

  @ParameterizedTest(name = "{0} asking for {1} is refused and audited once")
  @MethodSource("everyOtherRoleInEveryFormat")
  void everyOtherRoleIsRefusedInEveryFormat(String user, String format) {
    Instant before = Instant.now().minusMillis(1);
    JsonNode problem =
        Portal.assertProblem(get("/audit?patient=pat.jones&outcome=DENIED", user, format), 403);
    assertEquals("/portal/api/v1/audit", problem.get("instance").asText());
    List<JsonNode> denied = Messages.audit(user, "ACCESS_DENIED", before);
    assertEquals(1, denied.size(), denied.toString());
    assertEquals(
        "GET /portal/api/v1/audit?patient=pat.jones&outcome=DENIED",
        denied.get(0).get("resource").asText());
    assertEquals("pat.jones", denied.get(0).get("patient").asText());
    assertEquals("DENIED", denied.get(0).get("outcome").asText());
    assertTrue(Messages.audit(user, "AUDIT_EXPORT", before).isEmpty(), "nothing was exported");
  }
}

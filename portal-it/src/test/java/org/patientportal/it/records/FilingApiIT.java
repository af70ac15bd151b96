package org.patientportal.it.records;

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
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * Filing into the medical record through the API, as a clinician, a nurse, a patient and a
 * clinician of another team meet it: dr.smith files pat.jones's conversation with the Breast
 * Oncology team (201 with the entry's id); the thread says it is filed (to the patient too, in its
 * history); the team lists the patient's record and reads the entry as JSON and as a FHIR R4 Bundle
 * of Communication resources (subject the patient by medical record number, sender, recipient, sent
 * times, payload, partOf and inResponseTo); chosen messages file alone; an entry is amended only by
 * a new version pointing at it, once. Every filing is audited as FILED, every read as
 * RECORD_OPENED. The refusals: staff who are not clinicians and patients may not file (403), nor
 * read the record as a patient (403); a clinician off the patient's team finds neither the record
 * nor the entry (404); each refusal with its ACCESS_DENIED entry.
 */
class FilingApiIT {

  private static final String TEAM = "breast-oncology";

  @BeforeAll
  static void guidelines() {
    Messages.acceptGuidelines("pat.jones");
  }

  @Test
  void aClinicianFilesAConversationThatTheTeamReadsAsFhir() {
    Instant since = Instant.now().minusSeconds(1);
    String subject = Messages.marker("file");
    long thread =
        conversation(subject, "My scan is on Monday — ¿ayuno? 🩺", "No food after midnight.");
    assertFalse(open(thread, "pat.jones").get("filed").asBoolean(), "not filed yet");

    HttpResponse<String> filed =
        Portal.post("/threads/" + thread + "/filing", "dr.smith", Map.of());
    assertEquals(201, filed.statusCode(), filed.body());
    long entry = Portal.json(filed.body()).get("recordEntryId").asLong();
    assertTrue(
        filed.headers().firstValue("Location").orElse("").endsWith("/api/v1/records/" + entry));
    assertEquals(
        1, audited("dr.smith", "FILED", since, "record/" + entry + " of thread/" + thread));

    JsonNode seen = open(thread, "pat.jones");
    assertTrue(seen.get("filed").asBoolean(), "the patient sees the thread filed");
    JsonNode line = last(seen.get("history"));
    assertEquals("FILED", line.get("kind").asText());
    assertEquals("dr.smith", line.get("by").asText());
    assertTrue(listed(thread, "dr.smith").get("filed").asBoolean(), "filed in the list too");

    // the care team lists the record: the clinician and the nurse
    for (String member : List.of("dr.smith", "nurse.lee", "dr.chen")) {
      JsonNode entries = record("pat.jones", member);
      JsonNode e = find(entries, entry);
      assertEquals(thread, e.get("threadId").asLong());
      assertEquals(1, e.get("version").asInt());
      assertTrue(e.get("amends").isNull());
      assertEquals(2, e.get("messageCount").asInt());
      assertEquals(subject, e.get("subject").asText());
      assertTrue(e.get("intact").asBoolean());
      assertEquals("dr.smith", e.get("filedBy").asText());
    }
    assertTrue(
        audited("nurse.lee", "RECORD_OPENED", since, "patient/pat.jones/record") >= 1,
        "a listing is audited");

    HttpResponse<String> json = Portal.get("/records/" + entry, "nurse.lee");
    assertEquals(200, json.statusCode(), json.body());
    JsonNode e = Portal.json(json.body());
    assertEquals("pool:" + TEAM, e.get("to").asText());
    assertEquals(
        "My scan is on Monday — ¿ayuno? 🩺", e.get("messages").get(0).get("body").asText());
    assertTrue(e.get("messages").get(0).get("fromPatient").asBoolean());
    assertEquals("dr.chen", e.get("messages").get(1).get("from").asText());
    assertEquals(1, audited("nurse.lee", "RECORD_OPENED", since, "record/" + entry));

    HttpResponse<String> fhir = fhir(entry, "dr.smith");
    assertEquals(200, fhir.statusCode(), fhir.body());
    assertTrue(
        fhir.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
    JsonNode bundle = Portal.json(fhir.body());
    assertEquals("Bundle", bundle.get("resourceType").asText());
    // the download names the key that signed the entry, as the entry does
    String keyId = e.get("entry").get("signingKeyId").asText();
    assertTrue(keyId.startsWith("ed25519:"), keyId);
    assertEquals(keyId, fhir.headers().firstValue("Record-Signing-Key-Id").orElse(null));
    JsonNode tag = bundle.get("meta").get("tag").get(0);
    assertEquals("urn:patientportal:record-signing-key", tag.get("system").asText());
    assertEquals(keyId, tag.get("code").asText());
    assertEquals("collection", bundle.get("type").asText());
    List<JsonNode> communications = new ArrayList<>();
    bundle.get("entry").forEach(x -> communications.add(x.get("resource")));
    assertEquals(2, communications.size());
    JsonNode first = communications.get(0);
    JsonNode second = communications.get(1);
    assertEquals("Communication", first.get("resourceType").asText());
    assertEquals("completed", first.get("status").asText());
    assertEquals("Patient", first.get("subject").get("type").asText());
    assertEquals("10004521", first.get("subject").get("identifier").get("value").asText(), "MRN");
    assertEquals("Patient", first.get("sender").get("type").asText());
    assertEquals("CareTeam", first.get("recipient").get(0).get("type").asText());
    assertEquals(TEAM, first.get("recipient").get(0).get("identifier").get("value").asText());
    assertEquals(
        "My scan is on Monday — ¿ayuno? 🩺",
        first.get("payload").get(0).get("contentString").asText());
    assertEquals(subject, first.get("topic").get("text").asText());
    assertTrue(first.has("sent"));
    assertEquals("Practitioner", second.get("sender").get("type").asText());
    assertEquals("dr.chen", second.get("sender").get("identifier").get("value").asText());
    assertEquals("Patient", second.get("recipient").get(0).get("type").asText());
    String firstUrl = bundle.get("entry").get(0).get("fullUrl").asText();
    assertEquals(firstUrl, second.get("inResponseTo").get(0).get("reference").asText());
    assertEquals(firstUrl, second.get("partOf").get(0).get("reference").asText());
    assertFalse(first.has("inResponseTo"));
  }

  @Test
  void chosenMessagesFileAloneAndAnEntryIsAmendedOnlyByANewVersion() {
    Instant since = Instant.now().minusSeconds(1);
    long thread = conversation(Messages.marker("amend"), "First question", "First answer");
    JsonNode messages = open(thread, "dr.smith").get("messages");
    long firstMessage = messages.get(0).get("id").asLong();

    long one = file(thread, Map.of("messageIds", List.of(firstMessage)));
    assertEquals(1, find(record("pat.jones", "dr.smith"), one).get("messageCount").asInt());

    JsonNode wrong =
        Portal.assertProblem(
            Portal.post(
                "/threads/" + thread + "/filing",
                "dr.smith",
                Map.of("messageIds", List.of(999_999_999L))),
            400);
    assertEquals("messageIds", wrong.get("field").asText());

    // an amendment says why
    JsonNode noReason =
        Portal.assertProblem(
            Portal.post("/threads/" + thread + "/filing", "dr.smith", Map.of("amends", one)), 400);
    assertEquals("reason", noReason.get("field").asText());
    long two = file(thread, Map.of("amends", one, "reason", "The answer belongs in it too."));
    JsonNode entries = record("pat.jones", "dr.smith");
    JsonNode amended = find(entries, one);
    JsonNode amending = find(entries, two);
    assertEquals(two, amended.get("amendedBy").asLong());
    assertEquals(2, amending.get("version").asInt());
    assertEquals(one, amending.get("amends").asLong());
    assertEquals(2, amending.get("messageCount").asInt());
    assertTrue(amending.get("amendedBy").isNull());
    assertEquals("The answer belongs in it too.", amending.get("reason").asText());
    assertTrue(amended.get("reason").isNull());
    assertEquals(
        1,
        audited(
            "dr.smith",
            "FILED",
            since,
            "record/" + two + " of thread/" + thread + " amends record/" + one));

    // only the latest version may be amended, once; an entry of another thread not at all
    Portal.assertProblem(
        Portal.post(
            "/threads/" + thread + "/filing", "dr.smith", Map.of("amends", one, "reason", "again")),
        409);
    long other = conversation(Messages.marker("other"), "Other question", "Other answer");
    JsonNode elsewhere =
        Portal.assertProblem(
            Portal.post(
                "/threads/" + other + "/filing",
                "dr.smith",
                Map.of("amends", two, "reason", "elsewhere")),
            400);
    assertEquals("amends", elsewhere.get("field").asText());
    // there is no way to change or delete an entry
    assertEquals(405, send("PUT", "/records/" + one, "dr.smith", "{}").statusCode());
    assertEquals(405, send("DELETE", "/records/" + one, "dr.smith", null).statusCode());
    assertTrue(find(record("pat.jones", "dr.smith"), one).get("intact").asBoolean());
  }

  @Test
  void onlyAClinicianOfTheTeamFilesAndOnlyTheTeamReadsTheRecord() {
    Instant since = Instant.now().minusSeconds(1);
    long thread = conversation(Messages.marker("refuse"), "Please file", "Noted");

    // staff who are not clinicians, patients and other roles may not file
    Portal.assertProblem(Portal.post("/threads/" + thread + "/filing", "nurse.lee", Map.of()), 403);
    assertEquals(
        1,
        audited(
            "nurse.lee",
            "ACCESS_DENIED",
            since,
            "POST /portal/api/v1/threads/" + thread + "/filing"));
    Portal.assertProblem(Portal.post("/threads/" + thread + "/filing", "pat.jones", Map.of()), 403);
    assertEquals(
        1,
        audited(
            "pat.jones",
            "ACCESS_DENIED",
            since,
            "POST /portal/api/v1/threads/" + thread + "/filing"));
    Portal.assertProblem(Portal.post("/threads/" + thread + "/filing", "audit.kim", Map.of()), 403);
    assertFalse(open(thread, "pat.jones").get("filed").asBoolean(), "nothing was filed");

    long entry = file(thread, Map.of());

    // the patient and other roles do not read the record through this API
    Portal.assertProblem(Portal.get("/patients/pat.jones/record", "pat.jones"), 403);
    Portal.assertProblem(Portal.get("/records/" + entry, "pat.jones"), 403);
    Portal.assertProblem(Portal.get("/records/" + entry, "comms.diaz"), 403);
    Portal.assertProblem(Portal.get("/records/" + 999_999_999L, "dr.smith"), 404);

    // dr.chen, taken off the patient's team, finds neither the record nor the entry
    assertEquals(
        200, Portal.delete("/admin/teams/" + TEAM + "/members/dr.chen", "admin.ito").statusCode());
    try {
      Instant off = Instant.now().minusSeconds(1);
      Portal.assertProblem(Portal.get("/patients/pat.jones/record", "dr.chen"), 404);
      assertEquals(1, audited("dr.chen", "ACCESS_DENIED", off, "patient/pat.jones/record"));
      Portal.assertProblem(Portal.get("/records/" + entry, "dr.chen"), 404);
      assertEquals(1, audited("dr.chen", "ACCESS_DENIED", off, "record/" + entry));
      Portal.assertProblem(fhir(entry, "dr.chen"), 404);
      // nor may he file the team's conversation
      Portal.assertProblem(Portal.post("/threads/" + thread + "/filing", "dr.chen", Map.of()), 404);
      assertEquals(1, audited("dr.chen", "ACCESS_DENIED", off, "thread/" + thread));
    } finally {
      HttpResponse<String> back =
          Portal.post(
              "/admin/teams/" + TEAM + "/members",
              "admin.ito",
              Map.of("username", "dr.chen", "role", "CLINICIAN"));
      assertEquals(200, back.statusCode(), back.body());
    }
    assertEquals(200, Portal.get("/records/" + entry, "dr.chen").statusCode());
  }

  /** pat.jones writes to the team; dr.chen answers. */
  private static long conversation(String subject, String question, String answer) {
    long thread =
        Messages.start(
            "pat.jones", Messages.draft("pool:" + TEAM, "GENERAL", subject, question, false));
    assertEquals(
        201,
        Portal.post("/threads/" + thread + "/messages", "dr.chen", Map.of("body", answer))
            .statusCode());
    return thread;
  }

  private static long file(long thread, Map<String, ?> body) {
    HttpResponse<String> filed = Portal.post("/threads/" + thread + "/filing", "dr.smith", body);
    assertEquals(201, filed.statusCode(), filed.body());
    return Portal.json(filed.body()).get("recordEntryId").asLong();
  }

  private static JsonNode record(String patient, String user) {
    HttpResponse<String> list = Portal.get("/patients/" + patient + "/record", user);
    assertEquals(200, list.statusCode(), list.body());
    return Portal.json(list.body());
  }

  private static JsonNode find(JsonNode entries, long id) {
    return StreamSupport.stream(entries.spliterator(), false)
        .filter(e -> e.get("id").asLong() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("entry " + id + " not listed: " + entries));
  }

  private static HttpResponse<String> fhir(long entry, String user) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/records/" + entry))
            .header("Authorization", "Bearer " + Portal.token(user))
            .header("Accept", "application/fhir+json")
            .GET()
            .build());
  }

  private static HttpResponse<String> send(String method, String path, String user, String body) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1" + path))
            .header("Authorization", "Bearer " + Portal.token(user))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
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

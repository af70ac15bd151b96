package org.patientportal.it.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Mailbox;
import org.patientportal.it.support.Mailbox.Received;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.it.support.Teams;
import org.patientportal.mail.entity.EmailItem;

/**
 * Requests through the API, as a patient, the team's nurse and clinician, a clinician of another
 * team and another patient meet them: sam.rivera asks for an appointment, a renewal and a referral
 * (each to a team of this test's own, with dr.smith and nurse.lee); each becomes a thread of its
 * category that nurse.lee is emailed about; the team moves it along the legal steps with a note
 * sam.rivera reads in the thread and is emailed about; no email says anything of the request.
 * Invalid forms are refused naming every field at fault and write nothing; illegal steps are 409;
 * the refusals of a patient, an outside clinician and another patient are audited.
 */
class RequestsApiIT {

  private final String code = Teams.code("it-requests");

  @BeforeEach
  void aTeamCaringForSam() {
    Teams.create(code, "Requests");
    Teams.addMember(code, "dr.smith", "CLINICIAN");
    Teams.addMember(code, "nurse.lee", "STAFF");
    Teams.addPatient(code, "sam.rivera");
  }

  @AfterEach
  void theTeamEmpty() {
    Teams.empty(code);
  }

  @Test
  void anAppointmentRequestIsReviewedApprovedAndCompleted() {
    String marker = Messages.marker("Appt");
    Map<String, Object> form = form("APPOINTMENT");
    form.put("preferredDays", "Mondays " + marker);
    form.put("preferredTimes", "mornings");
    form.put("reason", "Follow-up of my knee " + marker);
    form.put("location", "North clinic");
    walkThrough(form, "APPOINTMENT", marker, "APPROVED");
  }

  @Test
  void aPrescriptionRenewalIsReviewedApprovedAndCompleted() {
    String marker = Messages.marker("Rx");
    Map<String, Object> form = form("PRESCRIPTION_RENEWAL");
    form.put("medication", "Tamoxifen " + marker);
    form.put("dose", "20 mg daily");
    form.put("pharmacy", "Main Street Pharmacy");
    walkThrough(form, "PRESCRIPTION", marker, "APPROVED");
  }

  @Test
  void aReferralIsReviewedDeclinedAndCompleted() {
    String marker = Messages.marker("Ref");
    Map<String, Object> form = form("REFERRAL");
    form.put("specialty", "Cardiology " + marker);
    form.put("reason", "Palpitations");
    form.put("insurer", "Acme Health");
    walkThrough(form, "REFERRAL", marker, "DECLINED");
  }

  /** Files {@code form} as sam.rivera and moves it to the end, checking every step. */
  private void walkThrough(
      Map<String, Object> form, String category, String marker, String decision) {
    Instant since = Instant.now().minusSeconds(1);
    HttpResponse<String> created = Portal.post("/requests", "sam.rivera", form);
    assertEquals(201, created.statusCode(), created.body());
    JsonNode filed = Portal.json(created.body());
    long id = filed.get("id").asLong();
    long thread = filed.get("threadId").asLong();
    assertEquals("SUBMITTED", filed.get("status").asText());
    assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/requests/" + id));
    assertAudited("sam.rivera", "REQUEST_SUBMITTED", "request/" + id + " thread/" + thread, since);

    // the patient sees it in their list and as a thread of its category, to their team
    JsonNode mine = find(Portal.get("/requests", "sam.rivera"), id);
    assertEquals(thread, mine.get("threadId").asLong());
    assertEquals(form.get("type"), mine.get("type").asText());
    assertEquals(category, mine.get("category").asText());
    assertTrue(mine.path("fields").isMissingNode() || mine.path("fields").isNull(), "no fields");
    JsonNode opened = Portal.json(Portal.get("/threads/" + thread, "sam.rivera").body());
    assertEquals(category, opened.get("category").asText());
    assertEquals("pool:" + code, opened.get("to").asText());
    assertEquals("SUBMITTED", opened.get("requestStatus").asText());
    assertTrue(opened.get("messages").get(0).get("body").asText().contains(marker));
    assertFalse(opened.get("dueBy").isNull(), "the request waits for the team");

    // the fields, read on their own by the patient (audited)
    JsonNode withFields = Portal.json(Portal.get("/requests/" + id, "sam.rivera").body());
    for (Map.Entry<String, Object> field : form.entrySet()) {
      if (!Set.of("type", "team").contains(field.getKey())) {
        assertEquals(field.getValue(), withFields.get("fields").get(field.getKey()).asText());
      }
    }
    assertAudited("sam.rivera", "REQUEST_OPENED", "request/" + id, since);

    // the team's staff are emailed, with nothing of the request
    Received news =
        Mailbox.awaitOne(
            "nurse.lee@portal.test",
            Received.withMessageId(
                EmailItem.messageId("request/" + id + "/new/to/nurse.lee", "portal.test")));
    assertNothingOfTheRequest(news, marker, form);

    // the team sees it and moves it along, with notes the patient reads
    find(Portal.get("/requests", "nurse.lee"), id);
    change(id, "nurse.lee", "IN_REVIEW", "We are looking at it.");
    change(id, "dr.smith", decision, "Decided: " + decision);
    change(id, "nurse.lee", "COMPLETED", "All done.");

    JsonNode done = Portal.json(Portal.get("/threads/" + thread, "sam.rivera").body());
    assertEquals("COMPLETED", done.get("requestStatus").asText());
    List<String> notes = new ArrayList<>();
    done.get("messages").forEach(m -> notes.add(m.get("body").asText()));
    assertTrue(
        notes.containsAll(List.of("We are looking at it.", "Decided: " + decision, "All done.")),
        notes.toString());
    List<String> steps = new ArrayList<>();
    done.get("history")
        .forEach(
            h -> {
              if (h.get("kind").asText().equals("STATUS_CHANGED")) {
                steps.add(h.get("by").asText() + ">" + h.get("to").asText());
              }
            });
    assertEquals(
        List.of("nurse.lee>IN_REVIEW", "dr.smith>" + decision, "nurse.lee>COMPLETED"), steps);
    JsonNode listed =
        StreamSupport.stream(
                Portal.json(Portal.get("/threads?size=100", "sam.rivera").body()).spliterator(),
                false)
            .filter(t -> t.get("id").asLong() == thread)
            .findFirst()
            .orElseThrow();
    assertEquals("COMPLETED", listed.get("requestStatus").asText());

    assertAudited(
        "nurse.lee", "REQUEST_STATUS_CHANGED", "request/" + id + " SUBMITTED->IN_REVIEW", since);
    assertAudited(
        "dr.smith", "REQUEST_STATUS_CHANGED", "request/" + id + " IN_REVIEW->" + decision, since);
    assertAudited(
        "nurse.lee",
        "REQUEST_STATUS_CHANGED",
        "request/" + id + " " + decision + "->COMPLETED",
        since);

    // the patient is emailed of each change, with nothing of the request, its status or the note
    for (String status : List.of("IN_REVIEW", decision, "COMPLETED")) {
      Received told =
          Mailbox.awaitOne(
              "sam.rivera@portal.test",
              Received.withMessageId(
                  EmailItem.messageId(
                      "request/" + id + "/status/" + status + "/to/sam.rivera", "portal.test")));
      assertNothingOfTheRequest(told, marker, form);
      assertFalse(told.text().contains(status), told.text());
      assertFalse(told.text().contains("Decided"), told.text());
    }

    // finished: no step is left
    Portal.assertProblem(
        Portal.post("/requests/" + id + "/status", "nurse.lee", status("IN_REVIEW", "again")), 409);
  }

  @Test
  void anInvalidFormIsRefusedNamingEveryFieldAndWritesNothing() {
    int before = Portal.json(Portal.get("/requests", "sam.rivera").body()).size();
    Instant since = Instant.now().minusSeconds(5);
    int submitted = Messages.audit("sam.rivera", "REQUEST_SUBMITTED", since).size();

    JsonNode missing =
        Portal.assertProblem(Portal.post("/requests", "sam.rivera", form("APPOINTMENT")), 400);
    assertEquals("preferredDays", missing.get("field").asText());
    Set<String> fields = new HashSet<>();
    missing.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(Set.of("preferredDays", "preferredTimes", "reason", "location"), fields);

    Map<String, Object> renewal = form("PRESCRIPTION_RENEWAL");
    renewal.put("medication", "Tamoxifen");
    renewal.put("dose", "x".repeat(201));
    renewal.put("pharmacy", "Line one\nline two");
    JsonNode bad = Portal.assertProblem(Portal.post("/requests", "sam.rivera", renewal), 400);
    fields.clear();
    bad.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(Set.of("dose", "pharmacy"), fields);

    Map<String, Object> unknown = form("HOUSE_CALL");
    assertEquals(
        "type",
        Portal.assertProblem(Portal.post("/requests", "sam.rivera", unknown), 400)
            .get("field")
            .asText());
    Map<String, Object> noType = new LinkedHashMap<>();
    noType.put("reason", "no type");
    assertEquals(
        "type",
        Portal.assertProblem(Portal.post("/requests", "sam.rivera", noType), 400)
            .get("field")
            .asText());
    Map<String, Object> otherTeam = form("REFERRAL");
    otherTeam.put("team", "no-such-team");
    otherTeam.put("specialty", "Cardiology");
    otherTeam.put("reason", "Palpitations");
    otherTeam.put("insurer", "Acme");
    assertEquals(
        "team",
        Portal.assertProblem(Portal.post("/requests", "sam.rivera", otherTeam), 400)
            .get("field")
            .asText());

    assertEquals(before, Portal.json(Portal.get("/requests", "sam.rivera").body()).size());
    assertEquals(submitted, Messages.audit("sam.rivera", "REQUEST_SUBMITTED", since).size());
  }

  @Test
  void listsArePagedByKeyset() {
    long older = fileRenewal("sam.rivera", null).get("id").asLong();
    long newer = fileRenewal("sam.rivera", null).get("id").asLong();
    HttpResponse<String> first = Portal.get("/requests?size=1", "sam.rivera");
    assertEquals(List.of(newer), ids(first));
    String link = first.headers().firstValue("Link").orElseThrow();
    assertTrue(link.contains("before=" + newer) && link.contains("rel=\"next\""), link);
    assertEquals(List.of(older), ids(Portal.get("/requests?size=1&before=" + newer, "sam.rivera")));
    assertEquals(
        "size",
        Portal.assertProblem(Portal.get("/requests?size=0", "sam.rivera"), 400)
            .get("field")
            .asText());
    assertEquals(
        "before",
        Portal.assertProblem(Portal.get("/requests?before=x", "sam.rivera"), 400)
            .get("field")
            .asText());
  }

  @Test
  void onlyLegalStepsWithANoteAreTaken() {
    long id = fileRenewal("sam.rivera", null).get("id").asLong();
    JsonNode skipped =
        Portal.assertProblem(
            Portal.post("/requests/" + id + "/status", "nurse.lee", status("APPROVED", "Yes")),
            409);
    assertTrue(skipped.get("type").asText().endsWith("/request-status"), skipped.toString());
    assertEquals(
        "status",
        Portal.assertProblem(
                Portal.post("/requests/" + id + "/status", "nurse.lee", status("MAYBE", "Hm")), 400)
            .get("field")
            .asText());
    assertEquals(
        "note",
        Portal.assertProblem(
                Portal.post("/requests/" + id + "/status", "nurse.lee", status("IN_REVIEW", " ")),
                400)
            .get("field")
            .asText());
    JsonNode still = Portal.json(Portal.get("/requests/" + id, "nurse.lee").body());
    assertEquals("SUBMITTED", still.get("status").asText());
  }

  @Test
  void staffFileForAPatientOfTheirTeam() {
    JsonNode filed = fileRenewal("nurse.lee", "sam.rivera");
    long thread = filed.get("threadId").asLong();
    JsonNode opened = Portal.json(Portal.get("/threads/" + thread, "sam.rivera").body());
    assertEquals("sam.rivera", opened.get("patient").asText());
    assertEquals("nurse.lee", opened.get("messages").get(0).get("from").asText());
    find(Portal.get("/requests", "sam.rivera"), filed.get("id").asLong());
    // a patient files only for themselves
    Map<String, Object> forOther = renewal();
    forOther.put("patient", "pat.jones");
    Instant since = Instant.now().minusSeconds(1);
    Portal.assertProblem(Portal.post("/requests", "sam.rivera", forOther), 404);
    assertTrue(
        Messages.audit("sam.rivera", "ACCESS_DENIED", since).stream()
            .anyMatch(e -> e.get("resource").asText().equals("patient/pat.jones")));
  }

  @Test
  void refusalsOfThePatientAnOutsideClinicianAndAnotherPatientAreAudited() {
    JsonNode filed = fileRenewal("sam.rivera", null);
    long id = filed.get("id").asLong();
    long thread = filed.get("threadId").asLong();
    Instant since = Instant.now().minusSeconds(1);

    // the patient may not move their own request: 403, audited
    Portal.assertProblem(
        Portal.post("/requests/" + id + "/status", "sam.rivera", status("APPROVED", "Me")), 403);
    assertTrue(
        Messages.audit("sam.rivera", "ACCESS_DENIED", since).stream()
            .anyMatch(
                e ->
                    e.get("resource")
                        .asText()
                        .equals("POST /portal/api/v1/requests/" + id + "/status")),
        "the patient's refusal is audited");

    // a clinician of another team (dr.chen is not on this one): 404, audited
    Portal.assertProblem(
        Portal.post("/requests/" + id + "/status", "dr.chen", status("IN_REVIEW", "Mine?")), 404);
    Portal.assertProblem(Portal.get("/requests/" + id, "dr.chen"), 404);
    assertFalse(ids(Portal.get("/requests", "dr.chen")).contains(id));
    List<JsonNode> chen = Messages.audit("dr.chen", "ACCESS_DENIED", since);
    assertTrue(
        chen.stream()
            .anyMatch(
                e ->
                    e.get("resource").asText().equals("request/" + id + "/status")
                        && "sam.rivera".equals(e.path("patient").asText(null))),
        chen.toString());

    // another patient neither lists, reads nor moves it
    assertFalse(ids(Portal.get("/requests", "pat.jones")).contains(id));
    Portal.assertProblem(Portal.get("/requests/" + id, "pat.jones"), 404);
    Portal.assertProblem(
        Portal.post("/requests/" + id + "/status", "pat.jones", status("IN_REVIEW", "x")), 404);
    Portal.assertProblem(Portal.get("/threads/" + thread, "pat.jones"), 404);
    List<JsonNode> pat = Messages.audit("pat.jones", "ACCESS_DENIED", since);
    assertTrue(
        pat.stream().anyMatch(e -> e.get("resource").asText().equals("request/" + id)),
        pat.toString());
    assertTrue(
        pat.stream().anyMatch(e -> e.get("resource").asText().equals("request/" + id + "/status")),
        pat.toString());

    // roles without requests: the auditor is refused by role
    Portal.assertProblem(Portal.get("/requests", "audit.kim"), 403);

    JsonNode still = Portal.json(Portal.get("/requests/" + id, "sam.rivera").body());
    assertEquals("SUBMITTED", still.get("status").asText());
  }

  private JsonNode fileRenewal(String by, String patient) {
    Map<String, Object> form = renewal();
    if (patient != null) {
      form.put("patient", patient);
    }
    HttpResponse<String> created = Portal.post("/requests", by, form);
    assertEquals(201, created.statusCode(), created.body());
    return Portal.json(created.body());
  }

  private Map<String, Object> renewal() {
    Map<String, Object> form = form("PRESCRIPTION_RENEWAL");
    form.put("medication", "Letrozole");
    form.put("dose", "2.5 mg daily");
    form.put("pharmacy", "Main Street Pharmacy");
    return form;
  }

  private Map<String, Object> form(String type) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("type", type);
    form.put("team", code);
    return form;
  }

  private static Map<String, Object> status(String status, String note) {
    return Map.of("status", status, "note", note);
  }

  private static void change(long id, String by, String status, String note) {
    HttpResponse<String> changed =
        Portal.post("/requests/" + id + "/status", by, status(status, note));
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals(status, Portal.json(changed.body()).get("status").asText());
  }

  private static void assertNothingOfTheRequest(
      Received email, String marker, Map<String, Object> form) {
    assertNotNull(email.text());
    for (Object value : form.values()) {
      String v = String.valueOf(value);
      if (v.length() > 6) {
        assertFalse(email.raw().contains(v), "the email holds " + v + ": " + email.raw());
      }
    }
    assertFalse(email.raw().contains(marker), email.raw());
    for (String word : List.of("Tamoxifen", "Cardiology", "knee", "Sam Rivera")) {
      assertFalse(email.raw().contains(word), word + " in " + email.raw());
    }
  }

  private static void assertAudited(String actor, String action, String resource, Instant since) {
    List<JsonNode> entries = Messages.audit(actor, action, since);
    assertTrue(
        entries.stream().anyMatch(e -> e.get("resource").asText().startsWith(resource)),
        action + " " + resource + " in " + entries);
  }

  private static JsonNode find(HttpResponse<String> list, long id) {
    assertEquals(200, list.statusCode(), list.body());
    return StreamSupport.stream(Portal.json(list.body()).spliterator(), false)
        .filter(r -> r.get("id").asLong() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("request " + id + " not in " + list.body()));
  }

  private static List<Long> ids(HttpResponse<String> list) {
    assertEquals(200, list.statusCode(), list.body());
    List<Long> ids = new ArrayList<>();
    Portal.json(list.body()).forEach(r -> ids.add(r.get("id").asLong()));
    return ids;
  }
}

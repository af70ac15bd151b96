package org.patientportal.it.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Mailbox;
import org.patientportal.it.support.Mailbox.Received;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.mail.entity.EmailItem;

/**
 * Sensitive topics through the API, as a patient, a clinician and a staff member meet them:
 * pat.jones records her agreements (each change in her history and audited), dr.smith is refused a
 * message flagged with a topic she has not agreed to (409 naming the topic) and sends it once she
 * has; he asks her for her agreement and she answers topic by topic; a message flagged
 * psychotherapy to the Breast Oncology pool is not nurse.lee's (staff of the pool) to open (404,
 * ACCESS_DENIED) nor to list, while dr.chen (a clinician of the pool) reads it; a flagged thread is
 * forwarded only when its forwarder confirms; the email about a flagged message is the generic one.
 */
class SensitiveTopicsApiIT {

  static final String POOL = "pool:breast-oncology";

  @BeforeAll
  static void guidelines() {
    Messages.acceptGuidelines("pat.jones");
  }

  @Test
  void thePatientRecordsHerAgreementsWithHistoryAndAudit() {
    agree(Map.of("PSYCHOTHERAPY", false));
    Instant since = Instant.now().minusSeconds(1);

    HttpResponse<String> put =
        Portal.put("/me/consents", "pat.jones", Map.of("PSYCHOTHERAPY", true));
    assertEquals(200, put.statusCode(), put.body());
    JsonNode now = Portal.json(put.body());
    assertEquals(7, now.size(), now.toString());
    assertTrue(now.get("PSYCHOTHERAPY").asBoolean());
    assertEquals(now, Portal.json(Portal.get("/me/consents", "pat.jones").body()));

    JsonNode history = Portal.json(Portal.get("/me/consents/history", "pat.jones").body());
    JsonNode last = history.get(history.size() - 1);
    assertEquals("PSYCHOTHERAPY", last.get("topic").asText());
    assertTrue(last.get("agreed").asBoolean());
    assertEquals("pat.jones", last.get("changedBy").asText());
    assertEquals(1, audited("pat.jones", "CONSENT_CHANGED", since, "consent/PSYCHOTHERAPY agreed"));

    // the same again changes nothing and adds no history
    Portal.put("/me/consents", "pat.jones", Map.of("PSYCHOTHERAPY", true));
    assertEquals(
        history.size(), Portal.json(Portal.get("/me/consents/history", "pat.jones").body()).size());

    JsonNode bad =
        Portal.assertProblem(Portal.put("/me/consents", "pat.jones", Map.of("FLU", true)), 400);
    assertEquals("sensitiveTopics", bad.get("field").asText());

    // the care team reads them (audited); an unknown patient is not found (audited); others: 403
    JsonNode seen = Portal.json(Portal.get("/patients/pat.jones/consents", "dr.smith").body());
    assertTrue(seen.get("PSYCHOTHERAPY").asBoolean());
    assertEquals(1, audited("dr.smith", "CONSENTS_VIEWED", since, "patient/pat.jones/consents"));
    Portal.assertProblem(Portal.get("/patients/nobody.here/consents", "dr.smith"), 404);
    assertEquals(1, audited("dr.smith", "ACCESS_DENIED", since, "patient/nobody.here/consents"));
    Portal.assertProblem(Portal.get("/patients/pat.jones/consents", "audit.kim"), 403);
    Portal.assertProblem(Portal.get("/me/consents", "dr.smith"), 403);

    // as FHIR R4 Consent resources
    HttpResponse<String> fhir =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/me/consents"))
                .header("Authorization", "Bearer " + Portal.token("pat.jones"))
                .header("Accept", "application/fhir+json")
                .build());
    assertEquals(200, fhir.statusCode(), fhir.body());
    JsonNode bundle = Portal.json(fhir.body());
    assertEquals("Bundle", bundle.get("resourceType").asText());
    assertEquals(7, bundle.get("entry").size());
    assertTrue(fhir.body().contains("\"permit\""), fhir.body());
  }

  @Test
  void aFlaggedSendIsRefusedWithoutAgreementAndAcceptedWithIt() {
    agree(Map.of("HIV", false, "STD", false));
    Instant since = Instant.now().minusSeconds(1);
    Map<String, Object> draft = fromSmith("", "Your results", "About your HIV test: all well.");
    draft.put("sensitiveTopics", List.of("HIV"));

    JsonNode refused = Portal.assertProblem(Portal.post("/threads", "dr.smith", draft), 409);
    assertTrue(refused.get("type").asText().endsWith("/consent-required"), refused.toString());
    assertEquals(List.of("HIV"), texts(refused.get("sensitiveTopics")));
    assertTrue(refused.get("detail").asText().contains("agreement"), refused.toString());
    assertEquals(1, audited("dr.smith", "CONSENT_REQUIRED", since, "patient/pat.jones"));

    agree(Map.of("HIV", true));
    long id = Messages.start("dr.smith", draft);
    JsonNode thread = Portal.json(Portal.get("/threads/" + id, "pat.jones").body());
    long messageId = thread.get("messages").get(0).get("id").asLong();

    // a flagged reply about a topic she has not agreed to is refused too
    JsonNode reply =
        Portal.assertProblem(
            Portal.post(
                "/threads/" + id + "/messages",
                "dr.smith",
                Map.of("body", "And the other test.", "sensitiveTopics", List.of("STD", "HIV"))),
            409);
    assertEquals(List.of("STD"), texts(reply.get("sensitiveTopics")));

    // the patient writes about her own matters as she wishes
    assertEquals(
        201,
        Portal.post(
                "/threads/" + id + "/messages",
                "pat.jones",
                Map.of("body", "Gracias — ¿y la ITS? 🙏", "sensitiveTopics", List.of("STD")))
            .statusCode());

    // the email says nothing of the message
    Received email =
        Mailbox.awaitOne(
            "pat.jones@portal.test",
            Received.withMessageId(
                EmailItem.messageId("message/" + messageId + "/to/pat.jones", "portal.test")));
    assertEquals("New secure message in your patient portal", email.subject());
    for (String secret : List.of("HIV", "results", "Your results", "sensitive", "topic")) {
      assertFalse(email.raw().contains(secret), secret + " in " + email.raw());
    }
  }

  @Test
  void theClinicianAsksThePatientWhoAnswersTopicByTopic() {
    agree(Map.of("SUBSTANCE_USE", false, "ABORTION", false));
    Instant since = Instant.now().minusSeconds(1);
    long id = Messages.start("dr.smith", fromSmith("", "A question", "May I ask you something?"));

    HttpResponse<String> asked =
        Portal.post(
            "/threads/" + id + "/consent-requests",
            "dr.smith",
            Map.of("sensitiveTopics", List.of("SUBSTANCE_USE", "ABORTION")));
    assertEquals(201, asked.statusCode(), asked.body());
    long request = Portal.json(asked.body()).get("id").asLong();
    assertEquals(
        1,
        audited(
            "dr.smith",
            "CONSENT_REQUESTED",
            since,
            "consent-request/" + request + " thread/" + id));

    // the patient sees it open, in her list and on the thread; the message names no topic
    assertTrue(ids(Portal.get("/consent-requests", "pat.jones")).contains(request));
    JsonNode onThread =
        Portal.json(Portal.get("/threads/" + id + "/consent-requests", "pat.jones").body());
    assertEquals(
        List.of("SUBSTANCE_USE", "ABORTION"), texts(onThread.get(0).get("sensitiveTopics")));
    JsonNode thread = Portal.json(Portal.get("/threads/" + id, "pat.jones").body());
    assertFalse(thread.toString().contains("SUBSTANCE"), "no topic in the thread's messages");

    // another patient cannot answer it; an answer must cover every topic asked, and only those
    Portal.assertProblem(
        Portal.post(
            "/consent-requests/" + request + "/answer", "sam.rivera", Map.of("ABORTION", true)),
        404);
    Portal.assertProblem(
        Portal.post(
            "/consent-requests/" + request + "/answer", "pat.jones", Map.of("ABORTION", true)),
        400);

    Map<String, Boolean> answer = new LinkedHashMap<>();
    answer.put("SUBSTANCE_USE", true);
    answer.put("ABORTION", false);
    HttpResponse<String> answered =
        Portal.post("/consent-requests/" + request + "/answer", "pat.jones", answer);
    assertEquals(200, answered.statusCode(), answered.body());
    assertTrue(Portal.json(answered.body()).get("SUBSTANCE_USE").asBoolean());
    assertFalse(Portal.json(answered.body()).get("ABORTION").asBoolean());
    JsonNode history = Portal.json(Portal.get("/me/consents/history", "pat.jones").body());
    JsonNode last = history.get(history.size() - 1);
    assertEquals("SUBSTANCE_USE", last.get("topic").asText());
    assertEquals(request, last.get("requestId").asLong());
    assertFalse(ids(Portal.get("/consent-requests", "pat.jones")).contains(request));
    Portal.assertProblem(
        Portal.post("/consent-requests/" + request + "/answer", "pat.jones", answer), 409);

    // now the clinician may write about it
    Map<String, Object> flagged = fromSmith("", "Follow-up", "About the programme we discussed.");
    flagged.put("sensitiveTopics", List.of("SUBSTANCE_USE"));
    Messages.start("dr.smith", flagged);

    // asking in a new thread
    HttpResponse<String> inNew =
        Portal.post(
            "/patients/pat.jones/consent-requests",
            "dr.smith",
            Map.of("sensitiveTopics", List.of("ABORTION")));
    assertEquals(201, inNew.statusCode(), inNew.body());
    long newThread = Portal.json(inNew.body()).get("threadId").asLong();
    assertEquals(200, Portal.get("/threads/" + newThread, "pat.jones").statusCode());
    Portal.assertProblem(
        Portal.post(
            "/threads/" + id + "/consent-requests",
            "pat.jones",
            Map.of("sensitiveTopics", List.of("HIV"))),
        403);
  }

  @Test
  void poolStaffDoNotSeeAFlaggedPoolMessageAndForwardsAreConfirmed() {
    agree(Map.of("PSYCHOTHERAPY", true));
    Instant since = Instant.now().minusSeconds(1);
    Map<String, Object> draft =
        fromSmith(POOL, "Our talk", "Notes from our psychotherapy session follow.");
    draft.put("sensitiveTopics", List.of("PSYCHOTHERAPY"));
    long flagged = Messages.start("dr.smith", draft);
    long plain = Messages.start("dr.smith", fromSmith(POOL, "Your visit", "See you Tuesday."));

    // positive control: the pool's staff member reads the pool's unflagged thread
    assertEquals(200, Portal.get("/threads/" + plain, "nurse.lee").statusCode());
    Portal.assertProblem(Portal.get("/threads/" + flagged, "nurse.lee"), 404);
    assertEquals(1, audited("nurse.lee", "ACCESS_DENIED", since, "thread/" + flagged));
    List<Long> listed =
        Messages.allThreads("size=100", "nurse.lee").stream()
            .map(t -> t.get("id").asLong())
            .toList();
    assertTrue(listed.contains(plain), "the plain one is in her queue");
    assertFalse(listed.contains(flagged), "the flagged one is not");
    Portal.assertProblem(
        Portal.post(
            "/threads/" + flagged + "/forward",
            "nurse.lee",
            Map.of("to", "dr.chen", "note", "x", "confirmSensitive", true)),
        404);
    // a clinician of the pool reads it
    assertEquals(200, Portal.get("/threads/" + flagged, "dr.chen").statusCode());

    // forwarding a flagged thread needs the forwarder's confirmation
    JsonNode unconfirmed =
        Portal.assertProblem(
            Portal.post(
                "/threads/" + flagged + "/forward",
                "dr.smith",
                Map.of("to", "dr.chen", "note", "Por favor, revíselo.")),
            409);
    assertTrue(
        unconfirmed.get("type").asText().endsWith("/sensitive-forward-unconfirmed"),
        unconfirmed.toString());
    assertEquals(
        204,
        Portal.post(
                "/threads/" + flagged + "/forward",
                "dr.smith",
                Map.of("to", "dr.chen", "note", "Por favor, revíselo.", "confirmSensitive", true))
            .statusCode());
    assertEquals(
        1,
        audited(
            "dr.smith",
            "FORWARDED",
            since,
            "thread/" + flagged + "/to/dr.chen sensitive confirmed"));
    // an unflagged thread forwards as before
    assertEquals(
        204,
        Portal.post(
                "/threads/" + plain + "/forward",
                "dr.smith",
                Map.of("to", "dr.chen", "note", "FYI"))
            .statusCode());
  }

  @Test
  void suggestionsComeFromEnglishAndSpanishKeywords() {
    JsonNode s =
        Portal.json(
            Portal.post(
                    "/consent-requests/suggestions",
                    "dr.smith",
                    Map.of("text", "Resultados de VIH y la sesión de PSICOTERAPIA"))
                .body());
    assertEquals(List.of("HIV", "PSYCHOTHERAPY"), texts(s.get("sensitiveTopics")));
  }

  static void agree(Map<String, Boolean> agreements) {
    HttpResponse<String> put = Portal.put("/me/consents", "pat.jones", agreements);
    assertEquals(200, put.statusCode(), put.body());
  }

  static Map<String, Object> fromSmith(String to, String subject, String body) {
    Map<String, Object> draft =
        Messages.draft(to, "GENERAL", Messages.marker(subject), body, false);
    draft.put("patient", "pat.jones");
    return draft;
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  static List<Long> ids(HttpResponse<String> list) {
    assertEquals(200, list.statusCode(), list.body());
    return StreamSupport.stream(Portal.json(list.body()).spliterator(), false)
        .map(n -> n.get("id").asLong())
        .toList();
  }

  static long audited(String actor, String action, Instant since, String resource) {
    return Messages.audit(actor, action, since).stream()
        .filter(e -> resource.equals(e.get("resource").asText()))
        .count();
  }
}

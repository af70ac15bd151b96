package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * The security matrix of messaging: every endpoint × the patient, another patient, the clinician
 * addressed, another clinician, staff, a caregiver without a grant, communications, the auditor and
 * the administrator. A thread one may not see is answered 404 (its existence is not confirmed) and
 * audited as ACCESS_DENIED naming its patient; a role without the right is answered 403 and audited
 * too. One thread is addressed to dr.smith alone, so the Breast Oncology pool's other members are
 * outsiders to it.
 */
class MessagingSecurityIT {

  static long thread;
  static long attachment;

  @BeforeAll
  static void aThreadOfPatJonesToDrSmith() {
    Messages.acceptGuidelines("pat.jones");
    Map<String, Object> draft =
        Messages.draft("dr.smith", "STATUS", Messages.marker("private"), "How am I doing?", true);
    draft.put("attachments", List.of(Messages.file("scan.pdf", Messages.pdf("scan"))));
    thread = Messages.start("pat.jones", draft);
    attachment =
        Portal.json(Portal.get("/threads/" + thread, "pat.jones").body())
            .get("messages")
            .get(0)
            .get("attachments")
            .get(0)
            .get("id")
            .asLong();
  }

  /** Calls of the matrix: name, method, path (with {thread} and {attachment}), JSON body. */
  enum Call {
    OPEN("GET", "/threads/{thread}", null),
    REPLY("POST", "/threads/{thread}/messages", "{\"body\":\"A reply.\"}"),
    RECEIPTS("GET", "/threads/{thread}/receipts", null),
    DOWNLOAD("GET", "/threads/{thread}/attachments/{attachment}", null),
    DONE("POST", "/threads/{thread}/done", ""),
    START("POST", "/threads", null),
    RECIPIENTS("GET", "/messaging/recipients", null),
    ACCEPT_GUIDELINES("POST", "/messaging/guidelines/acceptance", "{\"sha256\":\"x\"}"),
    KEYS("GET", "/admin/keys", null),
    ROTATE("POST", "/admin/keys/rotation", "");

    final String method;
    final String path;
    final String body;

    Call(String method, String path, String body) {
      this.method = method;
      this.path = path;
      this.body = body;
    }

    String path() {
      return path.replace("{thread}", Long.toString(thread))
          .replace("{attachment}", Long.toString(attachment));
    }
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        // another patient, the other clinician and staff of the pool, a caregiver without a grant,
        // communications, the auditor and the administrator: the thread does not exist for them
        refused(Call.OPEN, 404, "sam.rivera", "dr.chen", "nurse.lee", "chris.jones", "comms.diaz"),
        refused(Call.OPEN, 404, "audit.kim", "admin.ito"),
        refused(Call.REPLY, 404, "sam.rivera", "dr.chen", "nurse.lee", "chris.jones", "audit.kim"),
        refused(Call.RECEIPTS, 404, "sam.rivera", "dr.chen", "nurse.lee", "audit.kim"),
        refused(Call.DOWNLOAD, 404, "sam.rivera", "dr.chen", "nurse.lee", "audit.kim", "admin.ito"),
        refused(Call.DONE, 404, "dr.chen", "nurse.lee"),
        // roles that may not mark threads done or start them at all
        refused(Call.DONE, 403, "pat.jones", "sam.rivera", "audit.kim", "comms.diaz"),
        refused(Call.START, 403, "nurse.lee", "audit.kim", "comms.diaz", "admin.ito"),
        refused(Call.RECIPIENTS, 403, "dr.smith", "audit.kim", "chris.jones"),
        refused(Call.ACCEPT_GUIDELINES, 403, "dr.smith", "audit.kim"),
        refused(Call.KEYS, 403, "pat.jones", "dr.smith", "nurse.lee", "audit.kim", "comms.diaz"),
        refused(Call.ROTATE, 403, "pat.jones", "dr.smith", "audit.kim"));
  }

  private static Arguments refused(Call call, int status, String... users) {
    return Arguments.of(call, status, List.of(users));
  }

  @ParameterizedTest(name = "{0} is {1} for {2}")
  @MethodSource("refusals")
  void refusedAndAudited(Call call, int status, List<String> users) {
    for (String user : users) {
      Instant before = Instant.now().minusSeconds(2);
      HttpResponse<String> response = call(call, user);
      JsonNode problem = Portal.assertProblem(response, status);
      assertFalse(response.body().contains("How am I doing"), "nothing of the thread leaks");
      String resource =
          status == 404
              ? (call == Call.DOWNLOAD ? "attachment/" + attachment : "thread/" + thread)
              : "/portal/api/v1" + call.path();
      List<JsonNode> denied = Messages.audit(user, "ACCESS_DENIED", before);
      assertTrue(
          denied.stream()
              .anyMatch(
                  e ->
                      e.get("resource").asText().equals(resource)
                          && e.get("outcome").asText().equals("DENIED")
                          && (status != 404 || e.get("patient").asText().equals("pat.jones"))),
          call
              + " by "
              + user
              + ": an ACCESS_DENIED entry for "
              + resource
              + " in "
              + denied
              + " ("
              + problem
              + ")");
    }
  }

  @Test
  void theParticipantsMayDoWhatTheirRolesAllow() {
    for (String user : List.of("pat.jones", "dr.smith")) {
      for (Call call : List.of(Call.OPEN, Call.REPLY, Call.RECEIPTS, Call.DOWNLOAD)) {
        int status = call(call, user).statusCode();
        assertEquals(call == Call.REPLY ? 201 : 200, status, call + " by " + user);
      }
    }
    assertEquals(204, call(Call.DONE, "dr.smith").statusCode());
    assertEquals(200, call(Call.RECIPIENTS, "pat.jones").statusCode());
    assertEquals(200, call(Call.KEYS, "admin.ito").statusCode());
  }

  @Test
  void anUnknownThreadIsNotFoundAndTheProbeIsAudited() {
    Instant before = Instant.now().minusSeconds(2);
    Portal.assertProblem(Portal.get("/threads/999999999", "sam.rivera"), 404);
    assertTrue(
        Messages.audit("sam.rivera", "ACCESS_DENIED", before).stream()
            .anyMatch(e -> e.get("resource").asText().equals("thread/999999999")));
  }

  @Test
  void listsShowOnlyWhatEachMaySee() {
    for (String user : List.of("pat.jones", "dr.smith")) {
      assertTrue(ids(user).contains(thread), user);
    }
    for (String user :
        List.of("sam.rivera", "dr.chen", "nurse.lee", "chris.jones", "audit.kim", "comms.diaz")) {
      assertFalse(ids(user).contains(thread), user + " must not list it");
    }
  }

  @Test
  void aClinicianMayNotWriteToAPatientOutsideHisPools() {
    Instant before = Instant.now().minusSeconds(2);
    Map<String, Object> draft = Messages.draft(null, "GENERAL", "Hello", "Hello", false);
    draft.put("patient", "chris.jones");
    Portal.assertProblem(Portal.post("/threads", "dr.smith", draft), 404);
    assertTrue(
        Messages.audit("dr.smith", "ACCESS_DENIED", before).stream()
            .anyMatch(e -> e.get("resource").asText().equals("patient/chris.jones")));
  }

  @Test
  void withoutATokenEveryMessagingCallIsUnauthorized() {
    for (Call call : Call.values()) {
      assertEquals(401, call(call, null).statusCode(), call.toString());
    }
  }

  private static List<Long> ids(String user) {
    HttpResponse<String> list = Portal.get("/threads", user);
    assertEquals(200, list.statusCode(), list.body());
    return StreamSupport.stream(Portal.json(list.body()).spliterator(), false)
        .map(t -> t.get("id").asLong())
        .toList();
  }

  private static HttpResponse<String> call(Call call, String user) {
    if (call.method.equals("GET")) {
      return Portal.get(call.path(), user);
    }
    Object body = call.body;
    if (call == Call.START) {
      body = Messages.draft("dr.smith", "GENERAL", "Hello", "Hello", false);
    }
    return Portal.post(call.path(), user, body);
  }
}

package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Hospital;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * Messaging's security beyond the role × endpoint grid (which is {@code api.SecurityGridIT}):
 * probes of unknown threads, what lists show, writing to a patient outside one's pools, and calls
 * without a token. One thread is addressed to dr.smith alone, so the Breast Oncology pool's other
 * members are outsiders to it.
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
    for (String user : List.of("sam.rivera", "dr.chen", "chris.jones", "audit.kim", "comms.diaz")) {
      assertFalse(ids(user).contains(thread), user + " must not list it");
    }
    // the pool's staff process its clinicians' open threads in business hours (StaffHoursApiIT)
    assertEquals(Hospital.openNow(), ids("nurse.lee").contains(thread), "nurse.lee");
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
    HttpResponse<String> list = Portal.get("/threads?size=100", user);
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

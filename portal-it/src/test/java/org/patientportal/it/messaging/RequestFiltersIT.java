package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.it.support.Teams;

/**
 * The work queue's request filters over the API ({@code GET /threads?requestType=&requestStatus=}):
 * sam.rivera asks a team of this test's own for an appointment, a renewal and a referral, and
 * writes a plain message of the appointment category; nurse.lee takes the referral into review.
 * dr.smith's list then narrows to requests of a type, in a status, or both; a plain thread of a
 * request's category is no request; keyset pages of one thread keep the filters in their next link
 * and hold each request once; a value that is no type or status is a 400 problem naming the
 * parameter.
 */
class RequestFiltersIT {

  private final String code = Teams.code("it-request-filters");

  @BeforeEach
  void aTeamCaringForSam() {
    Teams.create(code, "Request filters");
    Teams.addMember(code, "dr.smith", "CLINICIAN");
    Teams.addMember(code, "nurse.lee", "STAFF");
    Teams.addPatient(code, "sam.rivera");
    Messages.acceptGuidelines("sam.rivera");
  }

  @AfterEach
  void theTeamEmpty() {
    Teams.empty(code);
  }

  @Test
  void theQueueFiltersRequestsByTypeAndStatusPageByPage() {
    Map<String, Object> appointment = form("APPOINTMENT");
    appointment.put("preferredDays", "Mondays");
    appointment.put("preferredTimes", "Mornings");
    appointment.put("reason", "Follow-up " + Messages.marker("appt"));
    appointment.put("location", "North clinic");
    long appt = request(appointment);
    Map<String, Object> renewal = form("PRESCRIPTION_RENEWAL");
    renewal.put("medication", "Tamoxifen " + Messages.marker("rx"));
    renewal.put("dose", "20 mg daily");
    renewal.put("pharmacy", "Main Street Pharmacy");
    long rx = request(renewal);
    Map<String, Object> referral = form("REFERRAL");
    referral.put("specialty", "Cardiology " + Messages.marker("ref"));
    referral.put("reason", "Palpitations");
    referral.put("insurer", "Acme Health");
    long ref = request(referral);
    assertEquals(
        200,
        Portal.post(
                "/requests/" + requestIdOf(ref) + "/status",
                "nurse.lee",
                Map.of("status", "IN_REVIEW", "note", "Looking at it."))
            .statusCode());
    long plain =
        Messages.start(
            "sam.rivera",
            Messages.draft(
                "pool:" + code, "APPOINTMENT", Messages.marker("plain"), "Just a question", false));
    Set<Long> mine = Set.of(appt, rx, ref, plain);

    assertEquals(Set.of(appt), shown("requestType=APPOINTMENT", mine));
    assertEquals(Set.of(rx), shown("requestType=PRESCRIPTION", mine));
    assertEquals(Set.of(rx), shown("requestType=PRESCRIPTION_RENEWAL", mine));
    assertEquals(Set.of(ref), shown("requestType=referral", mine));
    assertEquals(Set.of(appt, rx), shown("requestStatus=SUBMITTED", mine));
    assertEquals(Set.of(ref), shown("requestStatus=IN_REVIEW", mine));
    assertEquals(Set.of(), shown("requestType=APPOINTMENT&requestStatus=IN_REVIEW", mine));
    assertEquals(Set.of(rx), shown("requestType=PRESCRIPTION&requestStatus=SUBMITTED", mine));
    assertEquals(mine, shown("", mine), "without the filters every thread");
    for (JsonNode t : Messages.allThreads("requestStatus=SUBMITTED&size=100", "dr.smith")) {
      assertEquals("SUBMITTED", t.get("requestStatus").asText(), t.toString());
    }

    // one thread a page: the next link keeps the filters, each request once, none other
    Messages.Page first =
        Messages.page("/threads?requestStatus=SUBMITTED&patient=sam.rivera&size=1", "dr.smith");
    assertEquals(1, first.threads().size());
    assertNotNull(first.next(), "a second page");
    assertTrue(first.next().contains("requestStatus=SUBMITTED"), first.next());
    List<JsonNode> paged =
        Messages.allThreads("requestStatus=SUBMITTED&patient=sam.rivera&size=1", "dr.smith");
    Set<Long> ids = new HashSet<>();
    paged.forEach(t -> assertTrue(ids.add(t.get("id").asLong()), "once: " + t));
    assertTrue(ids.containsAll(Set.of(appt, rx)), ids.toString());
    assertFalse(ids.contains(ref) || ids.contains(plain), ids.toString());
  }

  @Test
  void aValueThatIsNoTypeOrStatusIsAProblemNamingTheParameter() {
    for (Map.Entry<String, String> bad :
        Map.of(
                "requestType=BILLING", "requestType",
                "requestType=nope", "requestType",
                "requestStatus=DONE", "requestStatus",
                "requestStatus=open", "requestStatus")
            .entrySet()) {
      HttpResponse<String> response = Portal.get("/threads?" + bad.getKey(), "dr.smith");
      JsonNode problem = Portal.assertProblem(response, 400);
      assertEquals(bad.getValue(), problem.get("field").asText(), bad.getKey());
      assertTrue(
          response
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/problem+json"));
    }
  }

  /** The threads of {@code mine} that dr.smith's list with {@code filters} shows. */
  private static Set<Long> shown(String filters, Set<Long> mine) {
    Set<Long> shown = new HashSet<>();
    for (JsonNode t :
        Messages.allThreads(
            (filters.isEmpty() ? "" : filters + "&") + "patient=sam.rivera&size=100", "dr.smith")) {
      long id = t.get("id").asLong();
      if (mine.contains(id)) {
        shown.add(id);
      }
    }
    return shown;
  }

  private long request(Map<String, Object> form) {
    HttpResponse<String> created = Portal.post("/requests", "sam.rivera", form);
    assertEquals(201, created.statusCode(), created.body());
    return Portal.json(created.body()).get("threadId").asLong();
  }

  /** The id of the request whose thread is {@code thread}. */
  private static long requestIdOf(long thread) {
    for (JsonNode r : Portal.json(Portal.get("/requests", "sam.rivera").body())) {
      if (r.get("threadId").asLong() == thread) {
        return r.get("id").asLong();
      }
    }
    throw new AssertionError("no request of thread " + thread);
  }

  private Map<String, Object> form(String type) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("type", type);
    form.put("team", code);
    return form;
  }
}

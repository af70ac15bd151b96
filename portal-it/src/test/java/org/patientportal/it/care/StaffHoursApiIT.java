package org.patientportal.it.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Hospital;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.it.support.Teams;

/**
 * Staff of a pool process its clinicians' threads in business hours (issue 10, point 3): sam.rivera
 * writes to dr.smith by name; nurse.lee, staff of the Breast Oncology pool that dr.smith works and
 * that cares for sam.rivera, finds the thread in her work queue, opens it (audited as
 * STAFF_ACCESS), answers it, claims, releases and assigns it while the hospital is open; after
 * hours she is refused as anyone outside the thread (404, ACCESS_DENIED), unless it was given to
 * her. Staff of another pool never see it; the patient's view is unchanged.
 *
 * <p>Whether the hospital is open is the portal's decision on its clock; the tests ask {@link
 * Hospital} what it decides now and run the half that applies (the other is skipped). With the
 * build's default zone the in-hours half runs in New York's business hours; {@code
 * -Dit.hospital.zone=Asia/Tokyo} (server and tests alike) runs it in Tokyo's.
 */
class StaffHoursApiIT {

  private static final String BREAST = "breast-oncology";

  @BeforeEach
  void drSmithAtWork() {
    Teams.clearAway("dr.smith");
    Teams.clearAway("dr.chen");
    Messages.acceptGuidelines("sam.rivera");
    assumeTrue(
        Hospital.steadyFor(Duration.ofMinutes(3)),
        "the hospital opens or closes within minutes: the rule would change during the test");
  }

  @Test
  void inBusinessHoursThePoolsStaffWorkItsCliniciansThreads() {
    assumeTrue(Hospital.openNow(), "the hospital is closed now");
    Instant since = Instant.now().minusSeconds(1);
    long id = Messages.start("sam.rivera", toSmith("In hours"));

    // the work queue (open threads) and the list
    assertTrue(listed("status=OPEN&size=100", "nurse.lee").contains(id), "in her work queue");
    assertTrue(listed("size=100", "nurse.lee").contains(id), "in her list");

    // she opens it: audited as the staff's access, each message as opened
    HttpResponse<String> opened = Portal.get("/threads/" + id, "nurse.lee");
    assertEquals(200, opened.statusCode(), opened.body());
    assertAudited("nurse.lee", "STAFF_ACCESS", "thread/" + id + " for dr.smith", since);
    assertAudited("nurse.lee", "MESSAGE_OPENED", "message/", since);

    // she answers, takes it, lets it go and gives it to dr.chen, each as for a pool's thread
    assertEquals(
        201,
        Portal.post("/threads/" + id + "/messages", "nurse.lee", Map.of("body", "Nurse Lee here."))
            .statusCode());
    assertEquals(204, Portal.post("/threads/" + id + "/claim", "nurse.lee", Map.of()).statusCode());
    JsonNode seen = Portal.json(Portal.get("/threads/" + id, "sam.rivera").body());
    assertEquals("nurse.lee", seen.get("assignee").get("username").asText());
    assertEquals("STAFF", seen.get("assignee").get("role").asText());
    assertAudited("nurse.lee", "THREAD_CLAIMED", "thread/" + id, since);
    assertEquals(
        204, Portal.post("/threads/" + id + "/release", "nurse.lee", Map.of()).statusCode());
    assertEquals(
        204,
        Portal.post("/threads/" + id + "/assignment", "nurse.lee", Map.of("to", "dr.chen"))
            .statusCode());
    assertAudited("nurse.lee", "THREAD_ASSIGNED", "thread/" + id + "/to/dr.chen", since);

    // the patient's view: her thread, to dr.smith, with the staff's answer
    JsonNode patient = Portal.json(Portal.get("/threads/" + id, "sam.rivera").body());
    assertEquals("dr.smith", patient.get("to").asText());
    assertEquals("nurse.lee", patient.get("messages").get(1).get("from").asText());
    Portal.assertProblem(Portal.get("/threads/" + id, "pat.jones"), 404);

    // once done, it is no longer the staff's by this rule (nor given to her): refused, audited
    assertEquals(204, Portal.post("/threads/" + id + "/done", "dr.smith", "").statusCode());
    Instant done = Instant.now().minusSeconds(1);
    Portal.assertProblem(Portal.get("/threads/" + id, "nurse.lee"), 404);
    assertDenied("nurse.lee", id, done);
  }

  @Test
  void afterHoursTheStaffAreRefusedAndTheRefusalIsAudited() {
    assumeFalse(Hospital.openNow(), "the hospital is open now");
    Instant since = Instant.now().minusSeconds(1);
    long id = Messages.start("sam.rivera", toSmith("After hours"));

    assertFalse(listed("size=100", "nurse.lee").contains(id), "not in her list");
    assertFalse(listed("status=OPEN&size=100", "nurse.lee").contains(id), "not in her queue");
    Portal.assertProblem(Portal.get("/threads/" + id, "nurse.lee"), 404);
    assertDenied("nurse.lee", id, since);
    Portal.assertProblem(
        Portal.post("/threads/" + id + "/messages", "nurse.lee", Map.of("body", "Hello")), 404);
    Portal.assertProblem(Portal.post("/threads/" + id + "/claim", "nurse.lee", Map.of()), 404);
    assertEquals(
        0, Messages.audit("nurse.lee", "THREAD_CLAIMED", since).size(), "nothing was claimed");
    // the patient and the clinician are unaffected
    assertEquals(200, Portal.get("/threads/" + id, "sam.rivera").statusCode());
    assertEquals(200, Portal.get("/threads/" + id, "dr.smith").statusCode());
  }

  @Test
  void aThreadGivenToTheStaffMemberIsHersAtAnyHour() {
    long id = Messages.start("sam.rivera", toSmith("Given"));
    assertEquals(
        204,
        Portal.post("/threads/" + id + "/assignment", "dr.smith", Map.of("to", "nurse.lee"))
            .statusCode());
    assertEquals(200, Portal.get("/threads/" + id, "nurse.lee").statusCode());
    assertTrue(listed("size=100", "nurse.lee").contains(id));
    assertEquals(
        201,
        Portal.post("/threads/" + id + "/messages", "nurse.lee", Map.of("body", "On it."))
            .statusCode());
    assertEquals(
        204, Portal.post("/threads/" + id + "/release", "nurse.lee", Map.of()).statusCode());
    // released, it is hers again only while the hospital is open
    assertEquals(
        Hospital.openNow() ? 200 : 404, Portal.get("/threads/" + id, "nurse.lee").statusCode());
  }

  @Test
  void staffOfAnotherPoolNeverSeeTheThread() {
    // for this test nurse.lee staffs only a team of its own, with dr.chen and sam.rivera
    String code = Teams.code("it-staff");
    Teams.create(code, "Staff hours");
    Teams.addMember(code, "dr.chen", "CLINICIAN");
    Teams.addMember(code, "nurse.lee", "STAFF");
    Teams.addPatient(code, "sam.rivera");
    HttpResponse<String> removed =
        Portal.delete("/admin/teams/" + BREAST + "/members/nurse.lee", Teams.ADMIN);
    assertEquals(200, removed.statusCode(), removed.body());
    try {
      Instant since = Instant.now().minusSeconds(1);
      long toSmith = Messages.start("sam.rivera", toSmith("Another pool"));
      long toChen =
          Messages.start(
              "sam.rivera",
              Messages.draft("dr.chen", "GENERAL", Messages.marker("Her pool"), "Hello", false));
      Portal.assertProblem(Portal.get("/threads/" + toSmith, "nurse.lee"), 404);
      assertDenied("nurse.lee", toSmith, since);
      Portal.assertProblem(
          Portal.post("/threads/" + toSmith + "/claim", "nurse.lee", Map.of()), 404);
      List<Long> hers = listed("size=100", "nurse.lee");
      assertFalse(hers.contains(toSmith));
      // the positive control: dr.chen's thread, of her own team's clinician, in business hours
      boolean open = Hospital.openNow();
      assertEquals(open, hers.contains(toChen));
      assertEquals(open ? 200 : 404, Portal.get("/threads/" + toChen, "nurse.lee").statusCode());
    } finally {
      Teams.addMember(BREAST, "nurse.lee", "STAFF");
      Teams.empty(code);
    }
  }

  private static List<Long> listed(String query, String user) {
    return Messages.allThreads(query, user).stream().map(t -> t.get("id").asLong()).toList();
  }

  private static void assertDenied(String user, long id, Instant since) {
    assertTrue(
        Messages.audit(user, "ACCESS_DENIED", since).stream()
            .anyMatch(
                e ->
                    e.get("resource").asText().equals("thread/" + id)
                        && "sam.rivera".equals(e.path("patient").asText(null))),
        "the refusal of thread/" + id + " is audited with its patient");
  }

  private static void assertAudited(String actor, String action, String resource, Instant since) {
    assertTrue(
        Messages.audit(actor, action, since).stream()
            .anyMatch(e -> e.get("resource").asText().startsWith(resource)),
        actor + " " + action + " " + resource);
  }

  private static Map<String, Object> toSmith(String what) {
    return Messages.draft("dr.smith", "GENERAL", Messages.marker(what), "Can you call me?", false);
  }
}

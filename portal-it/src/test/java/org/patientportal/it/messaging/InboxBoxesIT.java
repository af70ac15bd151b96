package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The inbox people expect, through the API: the patient's Sent view (the threads she wrote in, by
 * her latest message) and Archived view (per reader: nobody else's list changes, and a new message
 * brings a thread back), unread counts for a patient and for the care team's queue, and reopening a
 * done thread (the care team by a call, the patient by writing in it), each in the thread's history
 * and audited. The refusals: another patient archiving or reopening (404), the care team archiving
 * and the patient reopening by the call (403), each with its ACCESS_DENIED entry; a box that is not
 * one (400 naming "box"). Each test searches for a word of its own.
 */
class InboxBoxesIT {

  private static final String POOL = "pool:breast-oncology";

  @BeforeAll
  static void guidelinesAccepted() {
    Messages.acceptGuidelines("pat.jones");
    Messages.acceptGuidelines("sam.rivera");
  }

  @Test
  void sentListsTheThreadsThePatientWroteInByHerLatestMessage() {
    String word = Messages.word();
    long first = start("pat.jones", "dr.smith", "First " + word);
    long second = start("pat.jones", POOL, "Second " + word);
    // the clinician answers the first: it is the newest activity, not the newest sent
    reply(first, "dr.smith", "Answer");
    assertEquals(List.of(first, second), listed("q=" + word, "pat.jones"), "inbox by activity");
    assertEquals(List.of(second, first), listed("box=sent&q=" + word, "pat.jones"), "by sent");
    // she writes in the first again: it is her latest sent
    reply(first, "pat.jones", "Thanks");
    assertEquals(List.of(first, second), listed("box=SENT&q=" + word, "pat.jones"));
    // paged by keyset like the other lists
    Messages.Page page = Messages.page("/threads?box=sent&size=1&q=" + word, "pat.jones");
    assertEquals(List.of(first), ids(page.threads()));
    assertTrue(page.next().contains("box=sent"), page.next());
    assertEquals(List.of(second), ids(Messages.page(page.next(), "pat.jones").threads()));
    // unread only: the clinician's answer in the first was read by writing after it
    assertEquals(List.of(), listed("box=sent&unread=true&q=" + word, "pat.jones"));
    // another patient's Sent view never holds them; the care team has no Sent view of hers
    assertEquals(List.of(), listed("box=sent&q=" + word, "sam.rivera"));
    assertEquals(List.of(), listed("box=sent&q=" + word, "dr.smith"));
  }

  @Test
  void archivingIsThePatientsOwnAndANewMessageBringsTheThreadBack() {
    Instant since = Instant.now();
    String word = Messages.word();
    long kept = start("pat.jones", "dr.smith", "Kept " + word);
    long archived = start("pat.jones", "dr.smith", "Archived " + word);

    assertEquals(
        204, Portal.post("/threads/" + archived + "/archive", "pat.jones", "").statusCode());
    assertEquals(List.of(kept), listed("q=" + word, "pat.jones"), "out of her inbox");
    List<JsonNode> box = Messages.allThreads("box=archived&q=" + word, "pat.jones");
    assertEquals(List.of(archived), ids(box));
    assertTrue(box.get(0).get("archived").asBoolean(), box.toString());
    assertTrue(TurnaroundApiIT.open(archived, "pat.jones").get("archived").asBoolean());
    // still in her Sent view, and in the clinician's queue as before: archiving is hers alone
    assertEquals(List.of(archived, kept), listed("box=sent&q=" + word, "pat.jones"));
    assertEquals(List.of(archived, kept), listed("q=" + word, "dr.smith"));
    assertEquals(1, TurnaroundApiIT.audited("pat.jones", "THREAD_ARCHIVED", since, res(archived)));

    // the clinician answers: the thread is back in her inbox, unread, and out of the archive
    reply(archived, "dr.smith", "Here is the answer");
    assertEquals(List.of(archived, kept), listed("q=" + word, "pat.jones"));
    assertEquals(List.of(archived), listed("unread=true&q=" + word, "pat.jones"));
    assertEquals(List.of(), listed("box=archived&q=" + word, "pat.jones"));

    // archived again, then brought back by hand
    assertEquals(
        204, Portal.post("/threads/" + archived + "/archive", "pat.jones", "").statusCode());
    assertEquals(List.of(archived), listed("box=archived&q=" + word, "pat.jones"));
    assertEquals(204, Portal.delete("/threads/" + archived + "/archive", "pat.jones").statusCode());
    assertEquals(List.of(), listed("box=archived&q=" + word, "pat.jones"));
    assertEquals(List.of(archived, kept), listed("q=" + word, "pat.jones"));
    assertFalse(TurnaroundApiIT.open(archived, "pat.jones").get("archived").asBoolean());
    assertEquals(
        1, TurnaroundApiIT.audited("pat.jones", "THREAD_UNARCHIVED", since, res(archived)));
  }

  @Test
  void unreadCountsCountThePatientsInboxAndTheQueue() {
    String word = Messages.word();
    int nurseBefore = unread("nurse.lee");
    long pooled = start("pat.jones", POOL, "Counted " + word);
    assertCount(nurseBefore + 1, "nurse.lee");
    assertEquals(200, Portal.get("/threads/" + pooled, "nurse.lee").statusCode());
    assertCount(nurseBefore, "nurse.lee");

    int patientBefore = unread("pat.jones");
    reply(pooled, "nurse.lee", "We are on it");
    assertCount(patientBefore + 1, "pat.jones");
    // archived, it no longer counts; opened, it is read
    assertEquals(204, Portal.post("/threads/" + pooled + "/archive", "pat.jones", "").statusCode());
    assertCount(patientBefore, "pat.jones");
    assertEquals(204, Portal.delete("/threads/" + pooled + "/archive", "pat.jones").statusCode());
    assertCount(patientBefore + 1, "pat.jones");
    assertEquals(200, Portal.get("/threads/" + pooled, "pat.jones").statusCode());
    assertCount(patientBefore, "pat.jones");

    // roles without threads count nothing
    for (String user : List.of("audit.kim", "comms.diaz")) {
      JsonNode none = Portal.json(Portal.get("/threads/unread-count", user).body());
      assertEquals(0, none.get("unread").asInt(), user);
      assertFalse(none.get("capped").asBoolean(), user);
    }
  }

  @Test
  void theCareTeamReopensADoneThreadAndThePatientByWritingInIt() {
    Instant since = Instant.now();
    long id = start("pat.jones", POOL, "Reopen " + Messages.word());
    assertEquals(204, Portal.post("/threads/" + id + "/done", "dr.chen", "").statusCode());
    assertEquals("DONE", TurnaroundApiIT.open(id, "pat.jones").get("status").asText());

    assertEquals(204, Portal.post("/threads/" + id + "/reopen", "nurse.lee", "").statusCode());
    JsonNode reopened = TurnaroundApiIT.open(id, "pat.jones");
    assertEquals("OPEN", reopened.get("status").asText());
    JsonNode last = lastEvent(reopened);
    assertEquals("REOPENED", last.get("kind").asText());
    assertEquals("nurse.lee", last.get("by").asText());
    assertEquals(1, TurnaroundApiIT.audited("nurse.lee", "THREAD_REOPENED", since, res(id)));
    // an open thread stays as it is: no second event
    assertEquals(204, Portal.post("/threads/" + id + "/reopen", "nurse.lee", "").statusCode());
    assertEquals(
        reopened.get("history").size(),
        TurnaroundApiIT.open(id, "pat.jones").get("history").size());

    // done again; the patient writes in it: open again, and the history says she reopened it
    assertEquals(204, Portal.post("/threads/" + id + "/done", "dr.chen", "").statusCode());
    reply(id, "pat.jones", "One more question");
    JsonNode written = TurnaroundApiIT.open(id, "dr.chen");
    assertEquals("OPEN", written.get("status").asText());
    assertEquals("REOPENED", lastEvent(written).get("kind").asText());
    assertEquals("pat.jones", lastEvent(written).get("by").asText());
    assertEquals(1, TurnaroundApiIT.audited("pat.jones", "THREAD_REOPENED", since, res(id)));
  }

  @Test
  void refusalsAreAnsweredAndAudited() {
    Instant since = Instant.now();
    long id = start("pat.jones", POOL, "Refused " + Messages.word());
    assertEquals(204, Portal.post("/threads/" + id + "/done", "dr.chen", "").statusCode());

    // another patient: not found, audited
    Portal.assertProblem(Portal.post("/threads/" + id + "/archive", "sam.rivera", ""), 404);
    Portal.assertProblem(Portal.delete("/threads/" + id + "/archive", "sam.rivera"), 404);
    Portal.assertProblem(Portal.post("/threads/" + id + "/reopen", "sam.rivera", ""), 404);
    Portal.assertProblem(Portal.get("/threads/" + id, "sam.rivera"), 404);
    assertEquals(4, TurnaroundApiIT.audited("sam.rivera", "ACCESS_DENIED", since, res(id)));
    // the patient reopening by the call: forbidden (she writes in it instead), audited
    Portal.assertProblem(Portal.post("/threads/" + id + "/reopen", "pat.jones", ""), 403);
    assertEquals(1, denied("pat.jones", since, "/threads/" + id + "/reopen"));
    assertEquals("DONE", TurnaroundApiIT.open(id, "pat.jones").get("status").asText());
    // the care team archiving: forbidden (they have no inbox of hers), audited
    Portal.assertProblem(Portal.post("/threads/" + id + "/archive", "dr.chen", ""), 403);
    assertEquals(1, denied("dr.chen", since, "/threads/" + id + "/archive"));
    // roles without threads: not found
    Portal.assertProblem(Portal.post("/threads/" + id + "/reopen", "comms.diaz", ""), 403);
    Portal.assertProblem(Portal.post("/threads/" + id + "/archive", "audit.kim", ""), 404);

    HttpResponse<String> badBox = Portal.get("/threads?box=trash", "pat.jones");
    assertEquals("box", Portal.assertProblem(badBox, 400).get("field").asText());
  }

  private static long denied(String actor, Instant since, String path) {
    return Messages.audit(actor, "ACCESS_DENIED", since).stream()
        .filter(e -> e.get("resource").asText().contains(path))
        .count();
  }

  private static JsonNode lastEvent(JsonNode thread) {
    JsonNode history = thread.get("history");
    assertTrue(history.size() > 0, thread.toString());
    return history.get(history.size() - 1);
  }

  private static int unread(String user) {
    HttpResponse<String> response = Portal.get("/threads/unread-count", user);
    assertEquals(200, response.statusCode(), response.body());
    return Portal.json(response.body()).get("unread").asInt();
  }

  /** The count is {@code expected}, or capped when that is beyond the cap (a long test run). */
  private static void assertCount(int expected, String user) {
    JsonNode count = Portal.json(Portal.get("/threads/unread-count", user).body());
    if (expected >= 100 || count.get("capped").asBoolean()) {
      assertTrue(count.get("capped").asBoolean() || expected >= 100, count.toString());
      assertEquals(100, count.get("unread").asInt(), count.toString());
    } else {
      assertEquals(expected, count.get("unread").asInt(), user);
    }
  }

  private static String res(long id) {
    return "thread/" + id;
  }

  private static long start(String author, String to, String subject) {
    return Messages.start(author, Messages.draft(to, "GENERAL", subject, "Body " + subject, false));
  }

  private static void reply(long id, String author, String body) {
    HttpResponse<String> replied =
        Portal.post("/threads/" + id + "/messages", author, Map.of("body", body));
    assertEquals(201, replied.statusCode(), replied.body());
  }

  private static List<Long> listed(String query, String user) {
    return ids(Messages.allThreads(query, user));
  }

  private static List<Long> ids(List<JsonNode> threads) {
    return threads.stream().map(t -> t.get("id").asLong()).toList();
  }
}

package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Hospital;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The thread lists through the API: keyset pages (every visible thread once, in order, whatever is
 * written meanwhile), the filters, the search of subject words through the blind index (all words,
 * accents and case ignored, only within what the caller may see), and the refusals of bad paging
 * input. Each test searches for a word of its own, so the threads of other tests never interfere.
 */
class ThreadListsIT {

  private static final String POOL = "pool:breast-oncology";

  @BeforeAll
  static void guidelinesAccepted() {
    Messages.acceptGuidelines("pat.jones");
    Messages.acceptGuidelines("sam.rivera");
  }

  @Test
  void pagesHoldEveryThreadOnceInOrderWhileNewOnesArrive() {
    String word = Messages.word();
    List<Long> written = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      written.add(start("pat.jones", "dr.smith", "GENERAL", "Question " + i + " " + word));
    }
    List<Long> newestFirst = new ArrayList<>(written);
    Collections.reverse(newestFirst);

    Messages.Page first = Messages.page("/threads?size=3&q=" + word, "pat.jones");
    assertEquals(newestFirst.subList(0, 3), ids(first.threads()));
    assertNotNull(first.next(), "a next link while more follow");
    assertTrue(first.next().contains("q=" + word) && first.next().contains("size=3"), first.next());
    // two threads arrive between the pages: they are newer, so they belong before the cursor
    start("pat.jones", "dr.smith", "GENERAL", "Late " + word);
    start("pat.jones", POOL, "GENERAL", "Later " + word);
    Messages.Page second = Messages.page(first.next(), "pat.jones");
    Messages.Page third = Messages.page(second.next(), "pat.jones");
    assertEquals(newestFirst.subList(3, 6), ids(second.threads()));
    assertEquals(newestFirst.subList(6, 7), ids(third.threads()));
    assertNull(third.next(), "no next link on the last page");

    // the clinician's queue, oldest first, in pages of 2: every one of his threads once, in order
    List<JsonNode> queue = Messages.allThreads("order=oldest&size=2&q=" + word, "dr.smith");
    List<Long> queueIds = ids(queue);
    assertEquals(9, queueIds.size(), queueIds.toString());
    assertEquals(queueIds.stream().distinct().toList(), queueIds, "no thread twice");
    assertEquals(written, queueIds.subList(0, 7));
    assertAscending(queue);
    // and newest first, in pages of 4, for the whole list without a search: the same threads once
    List<Long> all = ids(Messages.allThreads("size=100", "pat.jones"));
    assertEquals(all.stream().distinct().toList(), all);
    assertTrue(all.containsAll(written));
  }

  @Test
  void filtersNarrowTheList() {
    String word = Messages.word();
    long appointment = start("pat.jones", "dr.smith", "APPOINTMENT", "Scan " + word);
    long billing = start("pat.jones", "dr.smith", "BILLING", "Invoice " + word);
    long pooled = start("pat.jones", POOL, "PRESCRIPTION", "Refill " + word);
    long sams = start("sam.rivera", POOL, "PRESCRIPTION", "Refill " + word);
    Instant afterFirst = Instant.now();

    assertEquals(
        List.of(billing), listed("category=BILLING&q=" + word, "pat.jones"), "by category");
    assertEquals(204, Portal.post("/threads/" + billing + "/done", "dr.smith", "").statusCode());
    assertEquals(List.of(billing), listed("status=done&q=" + word, "dr.smith"), "done");
    assertEquals(
        List.of(sams, pooled, appointment), listed("status=OPEN&q=" + word, "dr.smith"), "open");

    // dr.smith opens one: it is no longer unread for him, still for dr.chen
    assertEquals(200, Portal.get("/threads/" + pooled, "dr.smith").statusCode());
    assertEquals(List.of(sams, billing, appointment), listed("unread=true&q=" + word, "dr.smith"));
    assertEquals(List.of(sams, pooled), listed("unread=true&q=" + word, "dr.chen"));

    // the staff member's queue for one patient (in business hours with dr.smith's open ones)
    assertEquals(
        Hospital.openNow() ? List.of(pooled, appointment) : List.of(pooled),
        listed("patient=pat.jones&q=" + word, "nurse.lee"));
    assertEquals(List.of(sams), listed("patient=sam.rivera&q=" + word, "nurse.lee"));

    // by age: last active before a time, or from it
    assertEquals(
        List.of(), listed("to=" + Instant.now().minusSeconds(3600) + "&q=" + word, "dr.smith"));
    assertEquals(
        List.of(sams, pooled, billing, appointment),
        listed("from=" + afterFirst.minusSeconds(3600) + "&q=" + word, "dr.smith"));
  }

  @Test
  void searchFindsAllWordsWhateverTheAccentsOnlyInWhatTheReaderMaySee() {
    String word = Messages.word();
    long mine = start("pat.jones", "dr.smith", "PRESCRIPTION", "Renovación de medicación " + word);
    long other = start("pat.jones", POOL, "GENERAL", "Pregunta sobre la cita " + word);
    long sams = start("sam.rivera", POOL, "PRESCRIPTION", "Medicación urgente " + word);

    assertEquals(List.of(mine), listed("q=" + enc("MEDICACION renovacion " + word), "pat.jones"));
    assertEquals(List.of(mine), listed("q=" + enc("médicàción " + word), "pat.jones"));
    assertEquals(List.of(other, mine), listed("q=" + word, "pat.jones"));
    assertEquals(List.of(), listed("q=" + enc("medicación cita " + word), "pat.jones"), "AND");
    // the patient never finds another patient's thread, whatever words she tries
    assertEquals(List.of(), listed("q=" + enc("urgente " + word), "pat.jones"));
    assertEquals(List.of(sams), listed("q=" + enc("urgente " + word), "sam.rivera"));
    // dr.chen sees the pool's threads, not one addressed to dr.smith alone
    assertEquals(List.of(sams), listed("q=" + enc("medicación " + word), "dr.chen"));
    assertEquals(List.of(sams, mine), listed("q=" + enc("medicación " + word), "dr.smith"));
    // staff: the pool's threads, and in business hours its clinicians' open ones
    assertEquals(
        Hospital.openNow() ? List.of(sams, other, mine) : List.of(sams, other),
        listed("q=" + word, "nurse.lee"));
    // roles without threads find nothing
    assertEquals(List.of(), listed("q=" + word, "audit.kim"));
    assertEquals(List.of(), listed("q=" + word, "comms.diaz"));
  }

  @Test
  void badPagingInputIsAProblemNamingTheParameter() {
    for (Map.Entry<String, String> bad :
        Map.of(
                "size=0",
                "size",
                "size=101",
                "size",
                "size=many",
                "size",
                "before=not-a-cursor",
                "before",
                "before=AAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "before",
                "status=maybe",
                "status",
                "unread=perhaps",
                "unread",
                "order=random",
                "order",
                "from=yesterday",
                "from",
                "q=" + enc("de la y"),
                "q")
            .entrySet()) {
      HttpResponse<String> response = Portal.get("/threads?" + bad.getKey(), "pat.jones");
      JsonNode problem = Portal.assertProblem(response, 400);
      assertEquals(bad.getValue(), problem.get("field").asText(), bad.getKey());
    }
    HttpResponse<String> category = Portal.get("/threads?category=NOPE", "dr.smith");
    assertEquals("category", Portal.assertProblem(category, 400).get("field").asText());
  }

  @Test
  void rolesWithoutThreadsGetAnEmptyListAsBefore() {
    for (String user : List.of("audit.kim", "comms.diaz")) {
      HttpResponse<String> list = Portal.get("/threads", user);
      assertEquals(200, list.statusCode(), user);
      assertEquals("[]", list.body().strip(), user);
      assertTrue(list.headers().firstValue("Link").isEmpty(), user);
    }
  }

  private static long start(String author, String to, String category, String subject) {
    return Messages.start(
        author, Messages.draft(to, category, subject, "Body of " + subject, false));
  }

  private static List<Long> listed(String query, String user) {
    return ids(Messages.allThreads(query, user));
  }

  private static List<Long> ids(List<JsonNode> threads) {
    return threads.stream().map(t -> t.get("id").asLong()).toList();
  }

  private static void assertAscending(List<JsonNode> threads) {
    for (int i = 1; i < threads.size(); i++) {
      Instant before = Instant.parse(threads.get(i - 1).get("lastMessageAt").asText());
      Instant after = Instant.parse(threads.get(i).get("lastMessageAt").asText());
      assertTrue(!after.isBefore(before), "oldest first at " + i);
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

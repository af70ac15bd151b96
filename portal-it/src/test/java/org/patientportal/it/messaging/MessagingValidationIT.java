package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * Bad input gets a 400 problem naming the field, and nothing is written: the patient's threads are
 * the same before and after.
 */
class MessagingValidationIT {

  @BeforeAll
  static void guidelinesAccepted() {
    Messages.acceptGuidelines("pat.jones");
  }

  static Stream<Arguments> badDrafts() {
    return Stream.of(
        bad("an empty body", "body", d -> d.put("body", "   ")),
        bad("no body", "body", d -> d.remove("body")),
        bad("a body of 1 MB", "body", d -> d.put("body", "x".repeat(1024 * 1024))),
        bad("an empty subject", "subject", d -> d.put("subject", "")),
        bad("a subject of 151 characters", "subject", d -> d.put("subject", "s".repeat(151))),
        bad("a subject of two lines", "subject", d -> d.put("subject", "one\ntwo")),
        bad("an unknown category", "category", d -> d.put("category", "GOSSIP")),
        bad("no category", "category", d -> d.remove("category")),
        bad("an unknown recipient", "to", d -> d.put("to", "dr.nobody")),
        bad("no recipient", "to", d -> d.remove("to")),
        bad("a clinician of no care team of hers", "to", d -> d.put("to", "nurse.lee")),
        bad("an unknown pool", "to", d -> d.put("to", "pool:cardiology")),
        bad(
            "a text file called .pdf",
            "attachments",
            d ->
                d.put(
                    "attachments",
                    List.of(
                        Messages.file("notes.pdf", "just text".getBytes(StandardCharsets.UTF_8))))),
        bad(
            "an oversize attachment",
            "attachments",
            d ->
                d.put(
                    "attachments",
                    List.of(Messages.file("big.pdf", Messages.pdf("x".repeat(10_500_000)))))),
        bad(
            "six attachments",
            "attachments",
            d ->
                d.put(
                    "attachments",
                    java.util.Collections.nCopies(6, Messages.file("a.pdf", Messages.pdf("a"))))),
        bad(
            "an attachment that is not base64",
            "attachments",
            d -> d.put("attachments", List.of(Map.of("filename", "a.pdf", "content", "%%%")))),
        bad(
            "an attachment without a name",
            "attachments",
            d -> d.put("attachments", List.of(Messages.file("\u202E", Messages.pdf("a"))))),
        bad(
            "an empty attachment",
            "attachments",
            d -> d.put("attachments", List.of(Messages.file("a.pdf", new byte[0])))),
        bad(
            "an unknown sensitive topic",
            "sensitiveTopics",
            d -> d.put("sensitiveTopics", List.of("FLU"))));
  }

  private static Arguments bad(String what, String field, Consumer<Map<String, Object>> change) {
    return Arguments.of(what, field, change);
  }

  @ParameterizedTest(name = "{0} is refused")
  @MethodSource("badDrafts")
  void badInputIsRefusedAndNothingIsWritten(
      String what, String field, Consumer<Map<String, Object>> change) {
    String before = Portal.get("/threads?size=100", "pat.jones").body();
    Map<String, Object> draft =
        Messages.draft("dr.smith", "GENERAL", Messages.marker("subject"), "A question.", false);
    change.accept(draft);

    JsonNode problem = Portal.assertProblem(Portal.post("/threads", "pat.jones", draft), 400);
    assertEquals(field, problem.get("field").asText(), problem.toString());
    assertTrue(problem.get("detail").asText().length() > 10, problem.toString());
    assertEquals(before, Portal.get("/threads?size=100", "pat.jones").body(), "nothing written");
  }

  @Test
  void aBadReplyIsRefusedAndTheThreadIsUnchanged() {
    long id =
        Messages.start(
            "pat.jones",
            Messages.draft("dr.smith", "GENERAL", Messages.marker("subject"), "Hello", false));
    String before = Portal.get("/threads/" + id, "pat.jones").body();
    JsonNode problem =
        Portal.assertProblem(
            Portal.post("/threads/" + id + "/messages", "pat.jones", Map.of("body", "")), 400);
    assertEquals("body", problem.get("field").asText());
    assertEquals(
        Portal.json(before).get("messages"),
        Portal.json(Portal.get("/threads/" + id, "pat.jones").body()).get("messages"));
  }

  @Test
  void malformedJsonIsA400Problem() {
    JsonNode problem =
        Portal.assertProblem(Portal.post("/threads", "pat.jones", "{\"to\": \"dr.smith\","), 400);
    assertEquals("/portal/problems/unreadable-body", problem.get("type").asText());
  }
}

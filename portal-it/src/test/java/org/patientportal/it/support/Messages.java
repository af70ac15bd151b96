package org.patientportal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** Secure messaging through the API, for tests: guidelines, threads, files, audit look-ups. */
public final class Messages {

  private Messages() {}

  /** A marker no other test run uses, to find this test's data and only it. */
  public static String marker(String what) {
    return what + "-" + UUID.randomUUID().toString().substring(0, 13);
  }

  /** Makes sure {@code patient} has accepted the current messaging guidelines. */
  public static void acceptGuidelines(String patient) {
    HttpResponse<String> guidelines = Portal.get("/messaging/guidelines", patient);
    assertEquals(200, guidelines.statusCode(), guidelines.body());
    JsonNode g = Portal.json(guidelines.body());
    if (!g.get("accepted").asBoolean()) {
      HttpResponse<String> accepted =
          Portal.post(
              "/messaging/guidelines/acceptance",
              patient,
              Map.of("sha256", g.get("sha256").asText(), "language", "en"));
      assertEquals(204, accepted.statusCode(), accepted.body());
    }
  }

  /** A new thread's body for the API. */
  public static Map<String, Object> draft(
      String to, String category, String subject, String body, boolean readReceipt) {
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("to", to);
    draft.put("category", category);
    draft.put("subject", subject);
    draft.put("body", body);
    draft.put("readReceipt", readReceipt);
    return draft;
  }

  /** An attachment for the API. */
  public static Map<String, String> file(String filename, byte[] content) {
    return Map.of("filename", filename, "content", Base64.getEncoder().encodeToString(content));
  }

  /** Starts a thread as {@code author} and returns its id. */
  public static long start(String author, Map<String, Object> draft) {
    HttpResponse<String> created = Portal.post("/threads", author, draft);
    assertEquals(201, created.statusCode(), created.body());
    return Portal.json(created.body()).get("id").asLong();
  }

  /** A 1x1 PNG image, with {@code text} after its end (image readers ignore it). */
  public static byte[] png(String text) {
    byte[] image =
        Base64.getDecoder()
            .decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    byte[] note = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] all = java.util.Arrays.copyOf(image, image.length + note.length);
    System.arraycopy(note, 0, all, image.length, note.length);
    return all;
  }

  /** A minimal PDF with {@code text} in it. */
  public static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << >>\n%%EOF\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A word no other test run uses (letters and digits only: one word of a subject). */
  public static String word() {
    return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** One page of {@code GET /threads?query} as {@code user}: its threads and its next link. */
  public record Page(List<JsonNode> threads, String next) {}

  /** The page at {@code pathAndQuery} (below /api/v1), asserting a 200. */
  public static Page page(String pathAndQuery, String user) {
    HttpResponse<String> response = Portal.get(pathAndQuery, user);
    assertEquals(200, response.statusCode(), response.body());
    String next =
        response.headers().allValues("Link").stream()
            .filter(l -> l.contains("rel=\"next\""))
            .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
            .map(url -> url.substring(url.indexOf("/api/v1") + "/api/v1".length()))
            .findFirst()
            .orElse(null);
    return new Page(
        new ArrayList<>(
            StreamSupport.stream(Portal.json(response.body()).spliterator(), false).toList()),
        next);
  }

  /** Every thread of the list {@code GET /threads?query} as {@code user}, following next links. */
  public static List<JsonNode> allThreads(String query, String user) {
    List<JsonNode> all = new ArrayList<>();
    String at = "/threads?" + query;
    for (int pages = 0; at != null; pages++) {
      if (pages > 1000) {
        throw new AssertionError("the list does not end");
      }
      Page page = page(at, user);
      all.addAll(page.threads());
      at = page.next();
    }
    return all;
  }

  /** Audit entries of {@code action} by {@code actor} since {@code since}, as the auditor sees. */
  public static List<JsonNode> audit(String actor, String action, Instant since) {
    HttpResponse<String> log =
        Portal.get(
            "/audit?actor=" + actor + "&action=" + action + "&from=" + since + "&size=500",
            "audit.kim");
    assertEquals(200, log.statusCode(), log.body());
    return new ArrayList<>(
        StreamSupport.stream(Portal.json(log.body()).spliterator(), false).toList());
  }
}

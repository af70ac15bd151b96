package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * Sending over the API without surprises: an Idempotency-Key makes a repeated POST answer what the
 * first did instead of sending twice, and files may be sent as multipart/form-data parts (streamed,
 * no base64) as well as in JSON.
 */
class MessagingUploadsIT {

  @BeforeAll
  static void guidelinesAccepted() {
    Messages.acceptGuidelines("pat.jones");
  }

  @Test
  void aRepeatedPostWithTheSameIdempotencyKeySendsOnce() {
    String marker = Messages.marker("once");
    String key = UUID.randomUUID().toString();
    Map<String, Object> draft = Messages.draft("dr.smith", "GENERAL", marker, "Only once.", false);
    HttpResponse<String> first = postWithKey("/threads", draft, key);
    HttpResponse<String> again = postWithKey("/threads", draft, key);
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(201, again.statusCode(), again.body());
    long id = Portal.json(first.body()).get("id").asLong();
    assertEquals(id, Portal.json(again.body()).get("id").asLong());
    assertEquals(1, threadsWith(marker), "one thread");

    String replyKey = UUID.randomUUID().toString();
    Map<String, Object> reply = Map.of("body", "A reply, once.");
    HttpResponse<String> replied = postWithKey("/threads/" + id + "/messages", reply, replyKey);
    HttpResponse<String> repeated = postWithKey("/threads/" + id + "/messages", reply, replyKey);
    assertEquals(201, repeated.statusCode(), repeated.body());
    assertEquals(
        Portal.json(replied.body()).get("id").asLong(),
        Portal.json(repeated.body()).get("id").asLong());
    assertEquals(
        2, Portal.json(Portal.get("/threads/" + id, "pat.jones").body()).get("messages").size());

    // without a key, each POST sends
    Messages.start("pat.jones", draft);
    assertEquals(2, threadsWith(marker), "a POST without a key sends again");
  }

  @Test
  void aMessageWithFilesMaySendThemAsMultipartParts() {
    String marker = Messages.marker("multipart");
    byte[] pdf = Messages.pdf("lab " + marker);
    byte[] png = Messages.png(marker);
    Multipart form =
        new Multipart()
            .field("to", "dr.smith")
            .field("category", "TEST_RESULT")
            .field("subject", "Resultados de análisis " + marker)
            .field("body", "Adjunto mis resultados, ¿están bien? 🙂")
            .field("readReceipt", "true")
            .file("attachments", "results.html", "text/html", pdf)
            .file("attachments", "foto.png", "image/png", png);
    HttpResponse<String> created = form.post("/threads", "pat.jones");
    assertEquals(201, created.statusCode(), created.body());
    long id = Portal.json(created.body()).get("id").asLong();

    JsonNode thread = Portal.json(Portal.get("/threads/" + id, "dr.smith").body());
    assertEquals("Resultados de análisis " + marker, thread.get("subject").asText());
    JsonNode message = thread.get("messages").get(0);
    assertEquals("Adjunto mis resultados, ¿están bien? 🙂", message.get("body").asText());
    JsonNode files = message.get("attachments");
    assertEquals("results.pdf", files.get(0).get("filename").asText());
    assertEquals("foto.png", files.get(1).get("filename").asText());
    assertArrayEquals(pdf, download(files.get(0)));
    assertArrayEquals(png, download(files.get(1)));

    HttpResponse<String> reply =
        new Multipart()
            .field("body", "Gracias " + marker)
            .file("attachments", "informe.pdf", "application/pdf", pdf)
            .post("/threads/" + id + "/messages", "dr.smith");
    assertEquals(201, reply.statusCode(), reply.body());
    JsonNode replied =
        Portal.json(Portal.get("/threads/" + id, "pat.jones").body()).get("messages").get(1);
    assertEquals("informe.pdf", replied.get("attachments").get(0).get("filename").asText());
  }

  @Test
  void aMultipartFileOverTheLimitIsRefusedNamingTheField() {
    String marker = Messages.marker("big");
    HttpResponse<String> refused =
        new Multipart()
            .field("to", "dr.smith")
            .field("category", "GENERAL")
            .field("subject", marker)
            .field("body", "Too big.")
            .file("attachments", "big.pdf", "application/pdf", Messages.pdf("x".repeat(10_500_000)))
            .post("/threads", "pat.jones");
    JsonNode problem = Portal.assertProblem(refused, 400);
    assertEquals("attachments", problem.get("field").asText());
    assertEquals(0, threadsWith(marker));
  }

  private static byte[] download(JsonNode file) {
    String path = file.get("href").asText().replaceFirst("^/portal/api/v1", "");
    HttpResponse<byte[]> response = Portal.getBytes(path, "dr.smith");
    assertEquals(200, response.statusCode());
    return response.body();
  }

  private static long threadsWith(String marker) {
    List<JsonNode> found = new ArrayList<>();
    Portal.json(Portal.get("/threads?size=100", "pat.jones").body())
        .forEach(
            t -> {
              if (t.get("subject").asText().contains(marker)) {
                found.add(t);
              }
            });
    return found.size();
  }

  private static HttpResponse<String> postWithKey(String path, Object body, String key) {
    try {
      return Portal.send(
          HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1" + path))
              .header("Accept", "application/json")
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + Portal.token("pat.jones"))
              .header("Idempotency-Key", key)
              .POST(HttpRequest.BodyPublishers.ofString(Portal.JSON.writeValueAsString(body)))
              .build());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A multipart/form-data body, built by hand as RFC 7578 describes it. */
  private static final class Multipart {

    private final String boundary = "----portal" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
      write(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n");
      body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      write("\r\n");
      return this;
    }

    Multipart file(String name, String filename, String type, byte[] content) {
      write(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\"; filename=\""
              + filename
              + "\"\r\nContent-Type: "
              + type
              + "\r\n\r\n");
      body.writeBytes(content);
      write("\r\n");
      return this;
    }

    HttpResponse<String> post(String path, String username) {
      write("--" + boundary + "--\r\n");
      return Portal.send(
          HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1" + path))
              .header("Accept", "application/json")
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .header("Authorization", "Bearer " + Portal.token(username))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
              .build());
    }

    private void write(String text) {
      body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}

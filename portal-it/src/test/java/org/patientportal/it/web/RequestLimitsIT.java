package org.patientportal.it.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Portal;

/**
 * Request sizes are bounded before anything reads a body: a small limit for every request, a large
 * one only where signed-in users upload files, no multipart parsing on any other path, and a
 * bounded number of uploads at a time. Sent over plain sockets, so the test sees the server's
 * answer even when it stops reading. The server's heap (its old generation's peak, read over the
 * management API) stays bounded under a burst of oversize uploads, and the portal keeps serving.
 */
class RequestLimitsIT {

  private static final int MB = 1024 * 1024;
  private static final String HOST = URI.create(Portal.URL).getHost();
  private static final int PORT = URI.create(Portal.URL).getPort();
  private static final String CONTEXT = URI.create(Portal.URL).getPath();

  @Test
  void aMultipartPostToAPublicPageIsRefusedUnread() throws IOException {
    Answer answer = post(CONTEXT + "/signed-out.xhtml", null, multipart(), 40 * MB, 64 * 1024);
    assertEquals(415, answer.status(), answer.head());
  }

  @Test
  void aLargeFormToAPublicPageIsRefusedUnread() throws IOException {
    Answer answer =
        post(
            CONTEXT + "/signed-out.xhtml",
            null,
            "application/x-www-form-urlencoded",
            20 * MB,
            64 * 1024);
    assertEquals(413, answer.status(), answer.head());
  }

  @Test
  void aSignedOutUploadIsNotParsedAndGoesToSignIn() throws IOException {
    // the sign-in mechanism answers before any filter or view: it reads the body only to discard it
    Answer answer = post(CONTEXT + "/messages/compose.xhtml", null, multipart(), 40 * MB, 40 * MB);
    assertEquals(302, answer.status(), answer.head());
  }

  @Test
  void aSignedInUserMaySendMoreOnlyWhereFilesGo() throws IOException {
    String token = Portal.token("pat.jones");
    // 3 MB: above every other path's limit, refused there unread, as a problem
    Answer elsewhere =
        post(
            CONTEXT + "/api/v1/messaging/guidelines/acceptance",
            token,
            "application/json",
            3 * MB,
            64 * 1024);
    assertEquals(413, elsewhere.status(), elsewhere.head());
    assertTrue(elsewhere.head().contains("application/problem+json"), elsewhere.head());
    // ... but read where messages with files are sent (and found not to be JSON)
    Answer upload = post(CONTEXT + "/api/v1/threads", token, "application/json", 3 * MB, 3 * MB);
    assertEquals(400, upload.status(), upload.head());
    assertTrue(upload.head().contains("application/problem+json"), upload.head());
  }

  @Test
  void nothingAboveTheUploadCeilingIsRead() throws IOException {
    Answer answer =
        post(
            CONTEXT + "/api/v1/threads",
            Portal.token("pat.jones"),
            "application/json",
            200 * MB,
            64 * 1024);
    assertEquals(400, answer.status(), "refused by the server itself: " + answer.head());
  }

  @Test
  void uploadsBeyondTheConcurrentLimitAreAskedToComeBackLater() throws Exception {
    String token = Portal.token("pat.jones");
    List<Socket> slow = new ArrayList<>();
    try {
      // uploads that start and then stall hold their places
      for (int i = 0; i < 12; i++) {
        slow.add(start(CONTEXT + "/api/v1/threads", token, "application/json", 4 * MB, 16));
        // (its first bytes open a JSON string that the rest would close: the reader waits)
      }
      // a large upload sent whole: refused 503 while the places are taken, else read (a 400:
      // the JSON is cut off), so the probe never stalls
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  post(CONTEXT + "/api/v1/threads", token, "application/json", 4 * MB, 4 * MB)
                      .status(),
              status -> status == 503);
      Answer busy = post(CONTEXT + "/api/v1/threads", token, "application/json", 4 * MB, 4 * MB);
      assertEquals(503, busy.status(), busy.head());
      assertTrue(busy.head().contains("Retry-After"), busy.head());
      assertTrue(busy.head().contains("application/problem+json"), busy.head());
      assertEquals(200, Portal.get("/me", "pat.jones").statusCode(), "other requests go on");
      Answer message = post(CONTEXT + "/api/v1/threads", token, "application/json", 2, 2);
      assertTrue(
          message.status() > 0 && message.status() != 503,
          "a small message takes no upload place: " + message.head());
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                post(CONTEXT + "/api/v1/threads", token, "application/json", 4 * MB, 4 * MB)
                    .status(),
            status -> status != 503);
  }

  @Test
  void aBurstOfOversizeUploadsLeavesTheHeapBoundedAndThePortalServing() throws Exception {
    String token = Portal.token("pat.jones");
    try (ModelControllerClient management =
        ModelControllerClient.Factory.create("localhost", 9990)) {
      execute(management, "gc", null);
      for (String pool : oldGeneration(management)) {
        execute(management, "reset-peak-usage", pool);
      }
      long before = oldGenerationPeak(management);

      ExecutorService senders = Executors.newFixedThreadPool(24);
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            senders.submit(
                () -> post(CONTEXT + "/signed-out.xhtml", null, multipart(), 45 * MB, 45 * MB)));
        answers.add(
            senders.submit(
                () ->
                    post(
                        CONTEXT + "/messages/compose.xhtml", null, multipart(), 45 * MB, 45 * MB)));
        answers.add(
            senders.submit(
                () ->
                    post(
                        CONTEXT + "/api/v1/threads",
                        token,
                        "application/json",
                        150 * MB,
                        150 * MB)));
      }
      for (Future<Answer> answer : answers) {
        int status = answer.get().status();
        assertTrue(
            status == 302 || status == 400 || status == 413 || status == 415 || status == -1,
            "refused or sent to sign in: " + status);
      }
      senders.shutdown();

      long growth = oldGenerationPeak(management) - before;
      assertTrue(
          growth < 128L * MB,
          "the old generation grew by " + growth / MB + " MB under 16 x 45 MB + 8 x 150 MB");
    }
    assertEquals(200, Portal.get("/me", "pat.jones").statusCode(), "the portal still serves");
  }

  // --- raw HTTP/1.1, so that a refusal before the body is read is seen as such

  record Answer(int status, String head) {}

  private static String multipart() {
    return "multipart/form-data; boundary=----portal-limit-test";
  }

  /**
   * POSTs {@code declared} bytes of {@code type} (a Content-Length), sending at most {@code send}
   * of them, and reads the answer's head; status -1 if the server closed before answering.
   */
  private static Answer post(String path, String token, String type, long declared, long send)
      throws IOException {
    try (Socket socket = start(path, token, type, declared, 0)) {
      OutputStream out = socket.getOutputStream();
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      try {
        for (long sent = 0; sent < send; ) {
          int n = (int) Math.min(chunk.length, send - sent);
          out.write(chunk, 0, n);
          sent += n;
        }
        out.flush();
      } catch (IOException closedByServer) {
        // the server answered (or closed) before reading all of it: read what it said
      }
      return read(socket);
    }
  }

  private static Socket start(String path, String token, String type, long declared, int send)
      throws IOException {
    Socket socket = new Socket(HOST, PORT);
    socket.setSoTimeout(60_000);
    StringBuilder head = new StringBuilder();
    head.append("POST ").append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(HOST).append(':').append(PORT).append("\r\n");
    head.append("Content-Type: ").append(type).append("\r\n");
    head.append("Content-Length: ").append(declared).append("\r\n");
    head.append("Accept: application/json, text/html\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    head.append("\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    byte[] start = "{\"subject\":\"".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < send; i++) {
      out.write(i < start.length ? start[i] : 'a');
    }
    out.flush();
    return socket;
  }

  private static Answer read(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    try {
      int c;
      while ((c = in.read()) != -1) {
        head.append((char) c);
        if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer while the body was unread: " + head, e);
    } catch (IOException reset) {
      // a reset after the answer's head, or before any answer
    }
    if (!head.toString().startsWith("HTTP/1.1 ")) {
      return new Answer(-1, head.toString());
    }
    return new Answer(Integer.parseInt(head.substring(9, 12)), head.toString());
  }

  // --- the server's heap over the management API (local authentication, as Arquillian uses)

  private static List<String> oldGeneration(ModelControllerClient management) throws IOException {
    ModelNode op = new ModelNode();
    op.get("operation").set("read-children-names");
    op.get("address").add("core-service", "platform-mbean").add("type", "memory-pool");
    op.get("child-type").set("name");
    List<String> old = new ArrayList<>();
    for (ModelNode name : result(management.execute(op)).asList()) {
      String pool = name.asString();
      if (pool.contains("Old") || pool.contains("Tenured")) {
        old.add(pool);
      }
    }
    assertTrue(!old.isEmpty(), "an old generation pool");
    return old;
  }

  private static long oldGenerationPeak(ModelControllerClient management) throws IOException {
    long peak = 0;
    for (String pool : oldGeneration(management)) {
      ModelNode op = new ModelNode();
      op.get("operation").set("read-attribute");
      op.get("address")
          .add("core-service", "platform-mbean")
          .add("type", "memory-pool")
          .add("name", pool);
      op.get("name").set("peak-usage");
      peak += result(management.execute(op)).get("used").asLong();
    }
    return peak;
  }

  private static void execute(ModelControllerClient management, String operation, String pool)
      throws IOException {
    ModelNode op = new ModelNode();
    op.get("operation").set(operation);
    ModelNode address = op.get("address");
    address.add("core-service", "platform-mbean");
    if (pool == null) {
      address.add("type", "memory");
    } else {
      address.add("type", "memory-pool").add("name", pool);
    }
    result(management.execute(op));
  }

  private static ModelNode result(ModelNode answer) {
    assertEquals("success", answer.get("outcome").asString(), answer.toString());
    return answer.get("result");
  }
}

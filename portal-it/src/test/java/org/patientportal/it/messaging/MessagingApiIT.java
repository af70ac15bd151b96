package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Mailbox;
import org.patientportal.it.support.Mailbox.Received;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.mail.entity.EmailItem;

/**
 * The messaging loop through the REST API, against the running portal: a patient writes to her
 * clinician with an attachment and a read receipt; the clinician finds it unread in his queue,
 * opens it (audited), replies; the patient sees the reply and the receipt; the thread is marked
 * done and her next message opens it again.
 */
class MessagingApiIT {

  @BeforeAll
  static void guidelinesAccepted() {
    Messages.acceptGuidelines("pat.jones");
  }

  @Test
  void sendOpenReplyReceiptLoop() {
    Instant before = Instant.now().minusSeconds(2);
    String subject = Messages.marker("Scan date");
    String body = Messages.marker("Can I move my scan to next week?");
    byte[] png = Messages.png(Messages.marker("png"));
    Map<String, Object> draft = Messages.draft("dr.smith", "APPOINTMENT", subject, body, true);
    draft.put("attachments", List.of(Messages.file("referral.png", png)));

    HttpResponse<String> created = Portal.post("/threads", "pat.jones", draft);
    assertEquals(201, created.statusCode(), created.body());
    long id = Portal.json(created.body()).get("id").asLong();
    assertTrue(
        created.headers().firstValue("Location").orElse("").endsWith("/api/v1/threads/" + id));

    // dr.smith is told by email, which says nothing of the message
    long firstId =
        Portal.json(Portal.get("/threads/" + id, "pat.jones").body())
            .get("messages")
            .get(0)
            .get("id")
            .asLong();
    Received email = notification("dr.smith", firstId);
    assertTrue(email.text().contains("/portal/messages/inbox.xhtml"), email.text());
    for (String secret :
        List.of(subject, body, "Pat Jones", "pat.jones", "Appointment", "referral.png")) {
      assertFalse(
          email.raw().contains(secret), secret + " must not be in the email: " + email.raw());
    }

    // dr.smith's list: unread, with the category in the subject line
    JsonNode listed = find(Portal.get("/threads?size=100", "dr.smith"), id);
    assertTrue(listed.get("unread").asBoolean());
    assertEquals("[Appointment] " + subject, listed.get("subjectLine").asText());
    assertEquals("APPOINTMENT", listed.get("category").asText());
    assertEquals("pat.jones", listed.get("patient").asText());
    // ... and not unread for its author
    assertFalse(find(Portal.get("/threads?size=100", "pat.jones"), id).get("unread").asBoolean());

    // dr.smith opens it: the body, the attachment, and an audited open
    HttpResponse<String> opened = Portal.get("/threads/" + id, "dr.smith");
    assertEquals(200, opened.statusCode(), opened.body());
    JsonNode thread = Portal.json(opened.body());
    JsonNode first = thread.get("messages").get(0);
    assertEquals(body, first.get("body").asText());
    assertEquals("pat.jones", first.get("from").asText());
    assertEquals("Pat Jones", first.get("fromName").asText());
    JsonNode attachment = first.get("attachments").get(0);
    assertEquals("referral.png", attachment.get("filename").asText());
    assertEquals("image/png", attachment.get("contentType").asText());
    long messageId = first.get("id").asLong();
    assertTrue(
        Messages.audit("dr.smith", "MESSAGE_OPENED", before).stream()
            .anyMatch(
                e ->
                    e.get("resource").asText().equals("message/" + messageId)
                        && e.get("patient").asText().equals("pat.jones")
                        && !e.get("clientAddress").asText().isBlank()),
        "dr.smith's open is audited");
    assertFalse(find(Portal.get("/threads?size=100", "dr.smith"), id).get("unread").asBoolean());

    HttpResponse<byte[]> download =
        Portal.getBytes(
            "/threads/" + id + "/attachments/" + attachment.get("id").asLong(), "dr.smith");
    assertEquals(200, download.statusCode());
    assertArrayEquals(png, download.body());
    assertEquals("image/png", download.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertEquals(
        1,
        Messages.audit("dr.smith", "ATTACHMENT_DOWNLOADED", before).stream()
            .filter(e -> e.get("resource").asText().equals("attachment/" + attachment.get("id")))
            .count());

    // the reply
    String reply = Messages.marker("Yes, Tuesday at 9 works.");
    HttpResponse<String> replied =
        Portal.post("/threads/" + id + "/messages", "dr.smith", Map.of("body", reply));
    assertEquals(201, replied.statusCode(), replied.body());

    // the patient is told by email
    long replyId = Portal.json(replied.body()).get("id").asLong();
    Received toPatient = notification("pat.jones", replyId);
    assertFalse(toPatient.raw().contains(reply), "the reply is not in the email");
    assertFalse(toPatient.raw().contains("Alex Smith"), "nor who wrote it");

    // the patient: reply unread, in order after hers, and her receipt
    assertTrue(find(Portal.get("/threads?size=100", "pat.jones"), id).get("unread").asBoolean());
    JsonNode hers = Portal.json(Portal.get("/threads/" + id, "pat.jones").body());
    assertEquals(2, hers.get("messages").size());
    assertEquals(body, hers.get("messages").get(0).get("body").asText());
    assertEquals(reply, hers.get("messages").get(1).get("body").asText());
    assertEquals("Alex Smith", hers.get("messages").get(1).get("fromName").asText());
    JsonNode receipts = Portal.json(Portal.get("/threads/" + id + "/receipts", "pat.jones").body());
    assertEquals(1, receipts.size(), receipts.toString());
    assertEquals(messageId, receipts.get(0).get("messageId").asLong());
    assertEquals("dr.smith", receipts.get(0).get("reader").asText());
    assertEquals("Alex Smith", receipts.get(0).get("readerName").asText());
    // a second open does not add a second receipt
    Portal.get("/threads/" + id, "dr.smith");
    assertEquals(
        1, Portal.json(Portal.get("/threads/" + id + "/receipts", "pat.jones").body()).size());
    // dr.smith asked for none: he sees no receipts of his
    assertEquals(
        0, Portal.json(Portal.get("/threads/" + id + "/receipts", "dr.smith").body()).size());

    // done, then opened again by the patient's next message
    assertEquals(204, Portal.post("/threads/" + id + "/done", "dr.smith", "").statusCode());
    assertEquals(
        "DONE", find(Portal.get("/threads?size=100", "dr.smith"), id).get("status").asText());
    assertEquals(
        201,
        Portal.post("/threads/" + id + "/messages", "pat.jones", Map.of("body", "Thank you!"))
            .statusCode());
    assertEquals(
        "OPEN", find(Portal.get("/threads?size=100", "dr.smith"), id).get("status").asText());
  }

  @Test
  void concurrentFirstOpensByOneReaderAllSucceedWithOneReceipt() throws Exception {
    long id =
        Messages.start(
            "pat.jones",
            Messages.draft("dr.smith", "STATUS", Messages.marker("Tabs"), "Two tabs.", true));
    Portal.token("dr.smith");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> opens = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        opens.add(pool.submit(() -> Portal.get("/threads/" + id, "dr.smith").statusCode()));
      }
      for (java.util.concurrent.Future<Integer> open : opens) {
        assertEquals(200, open.get());
      }
    } finally {
      pool.shutdown();
    }
    JsonNode receipts = Portal.json(Portal.get("/threads/" + id + "/receipts", "pat.jones").body());
    assertEquals(1, receipts.size(), receipts.toString());
    assertFalse(find(Portal.get("/threads?size=100", "dr.smith"), id).get("unread").asBoolean());
  }

  @Test
  void aPoolThreadReachesEveryMemberOfThePool() {
    long id =
        Messages.start(
            "pat.jones",
            Messages.draft(
                "pool:breast-oncology",
                "PRESCRIPTION",
                Messages.marker("Refill"),
                "Refill?",
                false));
    long messageId =
        Portal.json(Portal.get("/threads/" + id, "pat.jones").body())
            .get("messages")
            .get(0)
            .get("id")
            .asLong();
    for (String member : List.of("dr.smith", "dr.chen", "nurse.lee")) {
      notification(member, messageId);
      assertTrue(
          find(Portal.get("/threads?size=100", member), id).get("unread").asBoolean(), member);
      assertEquals(200, Portal.get("/threads/" + id, member).statusCode(), member);
    }
    // nurse.lee read it; it is still unread for dr.chen
    assertFalse(find(Portal.get("/threads?size=100", "nurse.lee"), id).get("unread").asBoolean());
  }

  @Test
  void aClinicianWritesToAPatientOfHisPool() {
    Map<String, Object> draft =
        Messages.draft(null, "TEST_RESULT", Messages.marker("Your results"), "All normal.", false);
    draft.put("patient", "sam.rivera");
    long id = Messages.start("dr.chen", draft);
    JsonNode listed = find(Portal.get("/threads?size=100", "sam.rivera"), id);
    assertTrue(listed.get("unread").asBoolean());
    assertEquals("dr.chen", listed.get("to").asText());
  }

  @Test
  void recipientsAreThePatientsCareTeam() {
    JsonNode recipients = Portal.json(Portal.get("/messaging/recipients", "pat.jones").body());
    List<String> addresses =
        StreamSupport.stream(recipients.spliterator(), false)
            .map(r -> r.get("address").asText())
            .toList();
    assertEquals(List.of("pool:breast-oncology", "dr.smith", "dr.chen").size(), addresses.size());
    assertTrue(addresses.containsAll(List.of("pool:breast-oncology", "dr.smith", "dr.chen")));
  }

  @Test
  void theGuidelinesAreThereInEnglishAndSpanish() {
    JsonNode en = Portal.json(Portal.get("/messaging/guidelines", "pat.jones").body());
    JsonNode es = Portal.json(Portal.get("/messaging/guidelines?language=es", "pat.jones").body());
    assertEquals(en.get("sha256").asText(), es.get("sha256").asText());
    assertEquals("es", es.get("language").asText());
    assertTrue(en.get("paragraphs").toString().contains("call"));
    assertTrue(en.get("paragraphs").toString().contains("medical record"));
    assertTrue(es.get("paragraphs").toString().contains("911"));
    assertTrue(en.get("accepted").asBoolean());
    Portal.assertProblem(
        Portal.post(
            "/messaging/guidelines/acceptance", "pat.jones", Map.of("sha256", "0".repeat(64))),
        400);
  }

  /** The email telling {@code user} of message {@code messageId}. */
  static Received notification(String user, long messageId) {
    return Mailbox.awaitOne(
        user + "@portal.test",
        Received.withMessageId(
            EmailItem.messageId("message/" + messageId + "/to/" + user, "portal.test")));
  }

  static JsonNode find(HttpResponse<String> list, long id) {
    assertEquals(200, list.statusCode(), list.body());
    return StreamSupport.stream(Portal.json(list.body()).spliterator(), false)
        .filter(t -> t.get("id").asLong() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("thread " + id + " not in " + list.body()));
  }
}

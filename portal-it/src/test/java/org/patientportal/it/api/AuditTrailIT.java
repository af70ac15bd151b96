package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * One conversation and the auditor's own work, then the access log: every audited action left
 * exactly one entry, with the right actor, role, patient, resource, outcome and client address.
 */
class AuditTrailIT {

  @Test
  void everyAuditedActionLeavesExactlyOneCorrectEntry() {
    Instant since = Instant.now().minusSeconds(2);
    String marker = Messages.marker("trail");
    Messages.acceptGuidelines("pat.jones");
    Map<String, Object> draft =
        Messages.draft("dr.smith", "GENERAL", marker, "A question " + marker, true);
    draft.put("attachments", List.of(Messages.file("scan.png", Messages.png(marker))));
    long thread = Messages.start("pat.jones", draft);

    HttpResponse<String> open = Portal.get("/threads/" + thread, "dr.smith");
    assertEquals(200, open.statusCode(), open.body());
    JsonNode message = Portal.json(open.body()).get("messages").get(0);
    long messageId = message.get("id").asLong();
    long attachmentId = message.get("attachments").get(0).get("id").asLong();
    assertEquals(
        200,
        Portal.getBytes("/threads/" + thread + "/attachments/" + attachmentId, "dr.smith")
            .statusCode());
    HttpResponse<String> done = Portal.post("/threads/" + thread + "/done", "dr.smith", Map.of());
    assertEquals(204, done.statusCode(), done.body());
    Portal.assertProblem(Portal.get("/threads/" + thread, "sam.rivera"), 404);

    one("pat.jones", "MESSAGE_SENT", since, "message/" + messageId, "pat.jones", "SUCCESS");
    one("dr.smith", "MESSAGE_OPENED", since, "message/" + messageId, "pat.jones", "SUCCESS");
    one(
        "dr.smith",
        "ATTACHMENT_DOWNLOADED",
        since,
        "attachment/" + attachmentId,
        "pat.jones",
        "SUCCESS");
    one("dr.smith", "THREAD_DONE", since, "thread/" + thread, "pat.jones", "SUCCESS");
    one("sam.rivera", "ACCESS_DENIED", since, "thread/" + thread, "pat.jones", "DENIED");

    // the auditor's own work: a search, an export and a check, each recorded once
    String nobody = Messages.marker("nobody");
    assertEquals(200, Portal.get("/audit?patient=" + nobody, "audit.kim").statusCode());
    HttpResponse<String> csv =
        Portal.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Portal.URL + "/api/v1/audit?patient=" + nobody))
                .header("Authorization", "Bearer " + Portal.token("audit.kim"))
                .header("Accept", "text/csv")
                .build());
    assertEquals(200, csv.statusCode(), csv.body());
    assertEquals(200, Portal.get("/audit/verify", "audit.kim").statusCode());
    List<JsonNode> searches =
        Messages.audit("audit.kim", "AUDIT_SEARCH", since).stream()
            .filter(e -> nobody.equals(text(e, "patient")))
            .toList();
    assertEquals(1, searches.size(), searches.toString());
    List<JsonNode> exports =
        Messages.audit("audit.kim", "AUDIT_EXPORT", since).stream()
            .filter(e -> nobody.equals(text(e, "patient")))
            .toList();
    assertEquals(1, exports.size(), exports.toString());
    assertFalse(Messages.audit("audit.kim", "AUDIT_VERIFIED", since).isEmpty());
  }

  /** Exactly one entry of {@code action} by {@code actor} on {@code resource}, and it is right. */
  private static void one(
      String actor, String action, Instant since, String resource, String patient, String outcome) {
    List<JsonNode> found =
        Messages.audit(actor, action, since).stream()
            .filter(e -> resource.equals(text(e, "resource")))
            .toList();
    assertEquals(1, found.size(), action + " " + resource + ": " + found);
    JsonNode e = found.get(0);
    assertEquals(patient, text(e, "patient"), e.toString());
    assertEquals(outcome, text(e, "outcome"), e.toString());
    assertFalse(text(e, "clientAddress").isBlank(), e.toString());
  }

  private static String text(JsonNode e, String field) {
    JsonNode v = e.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}

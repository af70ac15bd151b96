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
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * An administrator rotates the key-encryption key of the running portal: every stored value is
 * re-wrapped by the new key so that no value uses the old one, every message and attachment written
 * before reads exactly as it did, and the next rotation removes the old key from the key store.
 */
class KeyRotationApiIT {

  @Test
  void rotationKeepsEveryMessageReadableAndRetiresTheOldKey() {
    Messages.acceptGuidelines("pat.jones");
    String body = Messages.marker("Before the rotation");
    byte[] pdf = Messages.pdf(Messages.marker("pdf"));
    Map<String, Object> draft =
        Messages.draft("pool:breast-oncology", "REFERRAL", Messages.marker("Referral"), body, true);
    draft.put("attachments", List.of(Messages.file("referral form.pdf", pdf)));
    long id = Messages.start("pat.jones", draft);
    String before = Portal.get("/threads/" + id, "pat.jones").body();

    JsonNode keys = Portal.json(Portal.get("/admin/keys", "admin.ito").body());
    int old = keys.get("currentVersion").asInt();
    assertTrue(
        keys.get("valuesByVersion").get(Integer.toString(old)).asLong() >= 4, keys.toString());

    Instant start = Instant.now().minusSeconds(2);
    HttpResponse<String> rotated = Portal.post("/admin/keys/rotation", "admin.ito", "");
    assertEquals(200, rotated.statusCode(), rotated.body());
    JsonNode after = Portal.json(rotated.body());
    int current = after.get("currentVersion").asInt();
    assertEquals(old + 1, current);
    assertTrue(after.get("rewrapped").asLong() >= 4, after.toString());
    assertEquals(
        List.of(old, current),
        toInts(after.get("versions")),
        "the new key, and the old one kept unused until the next rotation");
    assertTrue(toInts(after.get("retired")).stream().allMatch(v -> v < old), after.toString());
    assertEquals(1, after.get("valuesByVersion").size(), "no value uses an old key");
    assertTrue(after.get("valuesByVersion").has(Integer.toString(current)));

    // everything reads as before, through the deployed portal
    JsonNode thread = Portal.json(Portal.get("/threads/" + id, "dr.chen").body());
    assertEquals(body, thread.get("messages").get(0).get("body").asText());
    assertEquals(
        Portal.json(before).get("subject"),
        Portal.json(Portal.get("/threads/" + id, "pat.jones").body()).get("subject"));
    JsonNode attachment = thread.get("messages").get(0).get("attachments").get(0);
    assertEquals("referral form.pdf", attachment.get("filename").asText());
    HttpResponse<byte[]> file =
        Portal.getBytes(
            "/threads/" + id + "/attachments/" + attachment.get("id").asLong(), "dr.chen");
    assertArrayEquals(pdf, file.body());
    // and new messages use the new key
    Portal.post("/threads/" + id + "/messages", "dr.chen", Map.of("body", "Received."));
    JsonNode now = Portal.json(Portal.get("/admin/keys", "admin.ito").body());
    assertEquals(1, now.get("valuesByVersion").size());

    // the next rotation removes the old key; everything still reads
    JsonNode next = Portal.json(Portal.post("/admin/keys/rotation", "admin.ito", "").body());
    assertEquals(List.of(current, current + 1), toInts(next.get("versions")));
    assertTrue(toInts(next.get("retired")).contains(old), next.toString());
    assertEquals(
        body,
        Portal.json(Portal.get("/threads/" + id, "pat.jones").body())
            .get("messages")
            .get(0)
            .get("body")
            .asText());

    assertFalse(
        Messages.audit("admin.ito", "KEY_ROTATED", start).isEmpty(), "the rotation is audited");
  }

  private static List<Integer> toInts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asInt)
        .toList();
  }
}

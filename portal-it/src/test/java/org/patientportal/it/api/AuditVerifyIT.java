package org.patientportal.it.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patientportal.it.support.Portal;

/**
 * {@code GET /api/v1/audit/verify}: the auditor checks the access log's hash chain; the check is
 * recorded; every other role is refused, and the refusal recorded.
 */
class AuditVerifyIT {

  @Test
  void theAuditorFindsTheLogValidAndSignedAndTheCheckIsRecorded() {
    Instant before = Instant.now().minusSeconds(5);
    // the portal signs its first checkpoint within seconds of writing its first entries
    JsonNode result =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> Portal.json(Portal.get("/audit/verify", "audit.kim").body()),
                r -> r.get("lastCheckpoint").asLong() > 0);
    assertTrue(result.get("valid").asBoolean(), result.toString());
    assertTrue(result.get("entriesChecked").asLong() > 0, result.toString());
    // from the first position not archived (retention may have run) to the last
    assertEquals(
        result.get("lastPosition").asLong() - result.get("firstPosition").asLong() + 1,
        result.get("entriesChecked").asLong());
    assertEquals(16, result.get("keyId").asText().length());
    assertTrue(!result.has("problem") || result.get("problem").isNull(), result.toString());
    assertTrue(result.get("checkpointsChecked").asInt() >= 1, result.toString());

    HttpResponse<String> log =
        Portal.get("/audit?action=AUDIT_VERIFIED&actor=audit.kim&from=" + before, "audit.kim");
    JsonNode entries = Portal.json(log.body());
    assertTrue(entries.size() >= 1, log.body());
    assertTrue(entries.get(0).get("resource").asText().startsWith("chain valid"), log.body());
    assertEquals("SUCCESS", entries.get(0).get("outcome").asText());
  }

  @ParameterizedTest(name = "{0} may not check the audit log")
  @CsvSource({"pat.jones", "chris.jones", "dr.smith", "nurse.lee", "comms.diaz", "admin.ito"})
  void everyRoleButAuditorIsRefusedAndTheRefusalIsAudited(String username) {
    Instant before = Instant.now().minusSeconds(5);
    JsonNode problem = Portal.assertProblem(Portal.get("/audit/verify", username), 403);
    assertEquals("/portal/api/v1/audit/verify", problem.get("instance").asText());
    HttpResponse<String> log =
        Portal.get(
            "/audit?action=ACCESS_DENIED&actor=" + username + "&from=" + before, "audit.kim");
    assertTrue(
        StreamSupport.stream(Portal.json(log.body()).spliterator(), false)
            .anyMatch(e -> e.get("resource").asText().equals("GET /portal/api/v1/audit/verify")),
        "an ACCESS_DENIED entry for " + username + " in " + log.body());
  }
}

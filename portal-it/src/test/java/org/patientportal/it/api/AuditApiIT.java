package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patientportal.it.support.Portal;

/**
 * The auditor-only endpoint: every other role is refused with a 403 problem, and each refusal
 * leaves an ACCESS_DENIED entry naming the caller.
 */
class AuditApiIT {

  @ParameterizedTest(name = "{0} may not read the audit log")
  @CsvSource({"pat.jones", "sam.rivera", "chris.jones", "dr.smith", "nurse.lee", "comms.diaz"})
  void everyRoleButAuditorIsRefusedAndTheRefusalIsAudited(String username) {
    Instant before = Instant.now().minusSeconds(5);
    JsonNode problem = Portal.assertProblem(Portal.get("/audit", username), 403);
    assertEquals("/portal/api/v1/audit", problem.get("instance").asText());

    HttpResponse<String> log =
        Portal.get(
            "/audit?action=ACCESS_DENIED&actor=" + username + "&from=" + before, "audit.kim");
    assertEquals(200, log.statusCode(), log.body());
    assertTrue(
        StreamSupport.stream(Portal.json(log.body()).spliterator(), false)
            .anyMatch(
                e ->
                    e.get("actor").asText().equals(username)
                        && e.get("outcome").asText().equals("DENIED")
                        && e.get("resource").asText().equals("GET /portal/api/v1/audit")
                        && !e.get("clientAddress").asText().isBlank()),
        "an ACCESS_DENIED entry for " + username + " in " + log.body());
  }

  @Test
  void aClientThatAcceptsAnythingGetsTheJsonPageNotAnExport() {
    for (String accept : new String[] {"*/*", "application/json, */*;q=0.8"}) {
      HttpResponse<String> page =
          Portal.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(Portal.URL + "/api/v1/audit?actor=audit.kim&size=1"))
                  .header("Authorization", "Bearer " + Portal.token("audit.kim"))
                  .header("Accept", accept)
                  .build());
      assertEquals(200, page.statusCode(), page.body());
      assertTrue(
          page.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
          accept + ": " + page.headers().map());
      assertTrue(page.body().startsWith("["), page.body());
    }
  }

  @Test
  void theAuditorSearchesAndTheSearchIsItselfAudited() {
    HttpResponse<String> first = Portal.get("/audit?actor=audit.kim&size=5", "audit.kim");
    assertEquals(200, first.statusCode(), first.body());
    HttpResponse<String> second =
        Portal.get("/audit?actor=audit.kim&action=AUDIT_SEARCH&size=5", "audit.kim");
    JsonNode entries = Portal.json(second.body());
    assertTrue(entries.size() >= 1, second.body());
    assertEquals("AUDIT_SEARCH", entries.get(0).get("action").asText());
    assertTrue(entries.get(0).get("seq").asLong() > 0);
  }

  @ParameterizedTest(name = "{0} is refused with a problem naming {1}")
  @CsvSource({
    "action=NO_SUCH_ACTION, action",
    "from=yesterday, from",
    "size=100000, size",
    "page=-1, page"
  })
  void badCriteriaGetA400ProblemNamingTheField(String query, String field) {
    JsonNode problem = Portal.assertProblem(Portal.get("/audit?" + query, "audit.kim"), 400);
    assertEquals(field, problem.get("field").asText());
    assertFalse(problem.get("detail").asText().isBlank());
  }

  @org.junit.jupiter.api.Test
  void theAuditorExportsASearchAsCsvAndTheExportIsAudited() {
    Instant before = Instant.now().minusSeconds(5);
    Portal.get("/me", "pat.jones");
    java.net.http.HttpResponse<String> csv =
        csv("/audit?actor=audit.kim&action=AUDIT_SEARCH", "audit.kim");
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    String[] lines = csv.body().split("\r\n");
    assertEquals(
        "seq,at,actor,actorRole,onBehalfOf,patient,action,resource,outcome,clientAddress,userAgent",
        lines[0]);
    for (int i = 1; i < lines.length; i++) {
      assertTrue(
          lines[i].contains(",audit.kim,auditor,") || lines[i].contains(",audit.kim,,"), lines[i]);
      assertTrue(lines[i].contains(",AUDIT_SEARCH,"), lines[i]);
    }
    HttpResponse<String> exports =
        Portal.get("/audit?actor=audit.kim&action=AUDIT_EXPORT&from=" + before, "audit.kim");
    assertTrue(exports.body().contains("format=csv"), "the export is recorded: " + exports.body());

    Portal.assertProblem(csv("/audit", "dr.smith"), 403);
    Portal.assertProblem(csv("/audit?from=yesterday", "audit.kim"), 400);
  }

  private static HttpResponse<String> csv(String path, String user) {
    return Portal.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(Portal.URL + "/api/v1" + path))
            .header("Accept", "text/csv")
            .header("Authorization", "Bearer " + Portal.token(user))
            .GET()
            .build());
  }
}

package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Portal;

/**
 * What the access log must hold about refusals, and bad input that must never become a 500: a page
 * refused by a web.xml role rule is recorded with the client's real address, its query string and
 * the patient it names; a refused request with absurdly long parameters still leaves its entry;
 * paging that overflows, times out of range and a made-up ViewState get a clear answer.
 */
class AuditGapsIT {

  @Test
  void aPageRefusedByARoleRuleIsAuditedWithAddressQueryAndPatient() {
    java.util.Set<Long> before = SecurityGridIT.deniedSeqs("pat.jones");
    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/audit/log.xhtml?patient=sam.rivera&outcome=DENIED");
      assertEquals("Not allowed", browser.waitFor(By.tagName("h1")).getText());
    }
    JsonNode entry =
        SecurityGridIT.newDenied("pat.jones", before).stream()
            .filter(e -> e.get("resource").asText().startsWith("/portal/audit/log.xhtml"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no new ACCESS_DENIED entry for the page"));
    assertEquals(
        "/portal/audit/log.xhtml?patient=sam.rivera&outcome=DENIED",
        entry.get("resource").asText());
    assertEquals("sam.rivera", entry.path("patient").asText(null));
    assertNotEquals("internal", entry.get("clientAddress").asText(), entry.toString());
    assertTrue(entry.get("clientAddress").asText().matches("[0-9a-fA-F.:]+"), entry.toString());
  }

  @Test
  void aRefusedPageNamingAHugePatientIsStillRefusedAndAudited() {
    java.util.Set<Long> before = SecurityGridIT.deniedSeqs("dr.smith");
    String huge = "x".repeat(5_000);
    try (Browser browser = new Browser("en")) {
      browser.signIn("dr.smith");
      browser.open(Portal.URL + "/audit/log.xhtml?patient=" + huge);
      assertEquals("Not allowed", browser.waitFor(By.tagName("h1")).getText());
    }
    assertTrue(
        SecurityGridIT.newDenied("dr.smith", before).stream()
            .anyMatch(
                e ->
                    e.get("resource").asText().startsWith("/portal/audit/log.xhtml?patient=xxx")
                        && e.path("patient").asText("").equals("x".repeat(64))),
        "the refusal is recorded, cut to the columns' sizes");
  }

  @Test
  void aRefusedApiCallNamingAHugePatientIsStillRefusedAndAudited() {
    java.util.Set<Long> before = SecurityGridIT.deniedSeqs("pat.jones");
    String huge = "y".repeat(5_000);
    Portal.assertProblem(Portal.get("/audit?patient=" + huge, "pat.jones"), 403);
    List<JsonNode> denied = SecurityGridIT.newDenied("pat.jones", before);
    assertTrue(
        denied.stream()
            .anyMatch(
                e ->
                    e.get("resource").asText().startsWith("GET /portal/api/v1/audit?patient=yyy")
                        && e.get("resource").asText().length() == 255
                        && e.path("patient").asText("").equals("y".repeat(64))),
        denied.toString());
  }

  @ParameterizedTest(name = "{0} as {1}: 400 naming {2}")
  @CsvSource({
    "/audit?page=2147483647&size=500, audit.kim, page",
    "/audit?page=99999999999, audit.kim, page",
    "/audit?size=x, audit.kim, size",
    "/audit?from=%2B100000-01-01T00:00:00Z, audit.kim, from",
    "/audit?to=-99999-01-01T00:00:00Z, audit.kim, to",
    "/audit/reports/activity?from=%2B999999999-12-30&to=%2B999999999-12-31, audit.kim, from",
    "/audit/reports/unusual-access?to=%2B100000-01-01T00:00:00Z, audit.kim, to",
    "/me/access-log?page=2147483647&size=100, pat.jones, page",
    "/me/access-log?page=3000000000, pat.jones, page"
  })
  void overflowingPagesAndTimesOutOfRangeAreA400NamingTheField(
      String path, String user, String field) {
    HttpResponse<String> response = Portal.get(path, user);
    JsonNode problem = Portal.assertProblem(response, 400);
    assertEquals(field, problem.path("field").asText(null), response.body());
  }

  @Test
  void aMethodTheResourceDoesNotHaveIsA405WithItsAllowHeader() {
    HttpResponse<String> response =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/me"))
                .header("Authorization", "Bearer " + Portal.token("pat.jones"))
                .DELETE()
                .build());
    Portal.assertProblem(response, 405);
    String allow = response.headers().firstValue("Allow").orElse("");
    assertTrue(allow.contains("GET"), "Allow: " + allow);
  }

  @ParameterizedTest(name = "a ViewState of {0} on a public page")
  @CsvSource({"made-up", "-1:-1", "'stale:1234567890123456789'"})
  void aBadOrExpiredViewStateOnAPublicPageGetsAFriendlyAnswer(String viewState) {
    HttpResponse<String> response =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/signed-out.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "jakarta.faces.ViewState="
                            + java.net.URLEncoder.encode(
                                viewState, java.nio.charset.StandardCharsets.UTF_8)
                            + "&signInAgain=x"))
                .build());
    assertEquals(
        400, response.statusCode(), "a bad request, not a server error: " + response.body());
    assertTrue(response.body().contains("id=\"expired\""), "the page says it expired");
    assertTrue(
        response.body().contains("href=\"/portal/signed-out.xhtml\""), "and links to it afresh");
    // no stack trace (the page's PrimeFaces settings name the exception class, nothing more)
    assertFalse(response.body().contains("Caused by"), response.body());
    assertFalse(response.body().contains(".java:"), response.body());
  }
}

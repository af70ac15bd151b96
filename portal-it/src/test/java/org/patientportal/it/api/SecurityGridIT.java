package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patientportal.it.support.Hospital;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The security matrix as one grid: every messaging, audit, administration and identity endpoint of
 * the API × every demo user, with the status each must get. A refusal must leave a new
 * ACCESS_DENIED entry naming the actor, what was refused and, where the request names one, the
 * patient; an allowed call must leave none. "New" means absent from the log just before the call:
 * the refusals of that user are read before and after it, and only those that appeared count (not a
 * sequence number above the newest: sequence numbers are handed out in blocks per node, so they do
 * not grow with time across nodes or deployments).
 *
 * <p>One thread, from pat.jones to dr.smith alone, is the subject of the thread calls, so the
 * Breast Oncology pool's other clinician is an outsider to it: it does not exist for him (404). Its
 * staff member processes it while it is open in the hospital's business hours, and not otherwise: a
 * cell {@code 404~200} is the status outside business hours, then inside them ({@link
 * Hospital#openNow}, asked at each call). A role that may never make a call is answered 403.
 */
class SecurityGridIT {

  /** The columns of the grid, in this order. */
  static final List<String> USERS =
      List.of(
          "pat.jones",
          "sam.rivera",
          "chris.jones",
          "dr.smith",
          "dr.chen",
          "nurse.lee",
          "comms.diaz",
          "audit.kim",
          "admin.ito");

  static long thread;
  static long attachment;
  static String guidelinesSha256;

  /**
   * The grid: a call (method, optionally the media type asked for, path below /api/v1), what a 404
   * refusal names (the thread, the attachment or the patient pat.jones; a 403 always names the
   * request's method, path and query) and then the status for each user of {@link #USERS}, in that
   * order. The bodies of the POSTs come from {@link #body}.
   */
  static final String TABLE =
      """
      call                                                 | 404 names     | pat sam chris smith chen lee     comms kim ito
      GET /me                                              | -             | 200 200 200   200   200  200     200   200 200
      GET /me/access-log                                   | -             | 200 200 403   403   403  403     403   403 403
      GET /messaging/guidelines                            | -             | 200 200 200   200   200  200     200   200 200
      POST /messaging/guidelines/acceptance                | -             | 204 204 403   403   403  403     403   403 403
      GET /messaging/recipients                            | -             | 200 200 403   403   403  403     403   403 403
      GET /threads                                         | -             | 200 200 200   200   200  200     200   200 200
      POST /threads                                        | patient       | 201 201 201   201   201  403     403   403 403
      GET /threads/{thread}                                | thread        | 200 404 200   200   404  404~200 404   404 404
      POST /threads/{thread}/messages                      | thread        | 201 404 201   201   404  404~201 404   404 404
      GET /threads/{thread}/receipts                       | thread        | 200 404 200   200   404  404~200 404   404 404
      GET /threads/{thread}/attachments/{attachment}       | attachment    | 200 404 200   200   404  404~200 404   404 404
      POST /threads/{thread}/done                          | thread        | 403 403 403   204   404  404     403   403 403
      POST /threads/{thread}/claim                         | thread        | 403 403 403   204   404  404     403   403 403
      POST /threads/{thread}/release                       | thread        | 403 403 403   204   404  404     403   403 403
      POST /threads/{thread}/assignment                    | thread        | 403 403 403   204   404  404     403   403 403
      POST /threads/{thread}/filing                        | thread        | 403 403 403   201   404  403     403   403 403
      GET /patients/pat.jones/record                       | -             | 403 403 403   200   200  200     403   403 403
      GET /records/signing-keys                            | -             | 200 200 200   200   200  200     200   200 200
      GET:text/plain /records/signing-keys                 | -             | 200 200 200   200   200  200     200   200 200
      POST /records/signing-keys/rotation                  | -             | 403 403 403   403   403  403     403   403 200
      GET /threads/unread-count                            | -             | 200 200 200   200   200  200     200   200 200
      POST /threads/{thread}/archive                       | thread        | 204 404 403   403   404  404     404   404 404
      DELETE /threads/{thread}/archive                     | thread        | 204 404 403   403   404  404     404   404 404
      POST /threads/{thread}/reopen                        | thread        | 403 404 403   204   404  404~204 403   403 403
      GET /me/templates                                    | -             | 403 403 403   200   200  200     403   403 403
      POST /me/templates                                   | -             | 403 403 403   201   201  201     403   403 403
      GET /audit?patient=pat.jones&size=5                  | -             | 403 403 403   403   403  403     403   200 403
      GET:text/csv /audit?patient=pat.jones                | -             | 403 403 403   403   403  403     403   200 403
      GET:application/fhir+json /audit?patient=pat.jones   | -             | 403 403 403   403   403  403     403   200 403
      GET /audit/verify                                    | -             | 403 403 403   403   403  403     403   200 403
      GET /audit/reports/activity                          | -             | 403 403 403   403   403  403     403   200 403
      GET /audit/reports/unusual-access                    | -             | 403 403 403   403   403  403     403   200 403
      POST /audit/keycloak-events/import                   | -             | 403 403 403   403   403  403     403   200 200
      GET /admin/keys                                      | -             | 403 403 403   403   403  403     403   403 200
      POST /admin/keys/rotation                            | -             | 403 403 403   403   403  403     403   403 200
      GET /admin/teams                                     | -             | 403 403 403   403   403  403     403   403 200
      POST /admin/teams                                    | -             | 403 403 403   403   403  403     403   403 201
      GET /me/away                                         | -             | 403 403 403   200   200  403     403   403 403
      POST /me/away                                        | -             | 403 403 403   400   400  403     403   403 403
      GET /requests                                        | -             | 200 200 200   200   200  200     403   403 403
      GET /me/sessions                                     | -             | 200 200 200   200   200  200     200   200 200
      POST /requests                                       | patient       | 201 201 201   201   201  201     403   403 403
      GET /me/proxies                                      | -             | 200 200 403   403   403  403     403   403 403
      GET /me/acting-for                                   | -             | 403 403 200   403   403  403     403   403 403
      GET /patients/pat.jones/proxies                      | -             | 403 403 403   403   403  200     403   403 403
      GET /threads?patient=pat.jones                       | -             | 200 200 200   200   200  200     200   200 200
      GET /messaging/recipients?patient=pat.jones          | patient       | 200 404 200   403   403  403     403   403 403
      POST /enrollment/codes                               | -             | 403 403 403   403   403  201     403   403 403
      GET /me/consents                                     | -             | 200 200 403   403   403  403     403   403 403
      GET /me/consents/history                             | -             | 200 200 403   403   403  403     403   403 403
      GET /patients/pat.jones/consents                     | -             | 403 403 403   200   200  200     403   403 403
      GET /consent-requests                                | -             | 200 200 403   403   403  403     403   403 403
      GET /threads/{thread}/consent-requests               | thread        | 200 404 403   200   404  403     403   403 403
      """;

  static final List<Row> GRID = parse(TABLE);

  /**
   * One endpoint: method (and the media type asked for), path, what a refusal names, statuses (each
   * a status, or the statuses outside and inside business hours: {@code 404~200}).
   */
  record Row(String method, String accept, String path, String refused, List<String> statuses) {

    String resolvedPath() {
      return path.replace("{thread}", Long.toString(thread))
          .replace("{attachment}", Long.toString(attachment));
    }

    /**
     * The patient a refusal with {@code status} must name: the thread's (all of them are
     * pat.jones's), or the one the query names; null where the request names none.
     */
    String patient(int status) {
      return status == 404 || path.contains("patient=pat.jones") ? "pat.jones" : null;
    }

    /** What the ACCESS_DENIED entry of a refusal with {@code status} must name as its resource. */
    String resource(int status) {
      if (status == 403) {
        return method + " /portal/api/v1" + resolvedPath();
      }
      return switch (refused) {
        case "thread" -> "thread/" + thread;
        case "attachment" -> "attachment/" + attachment;
        case "patient" -> "patient/pat.jones";
        default -> throw new IllegalStateException(this + " is not expected to answer 404");
      };
    }

    @Override
    public String toString() {
      return method + (accept.equals("application/json") ? "" : " (" + accept + ")") + " " + path;
    }
  }

  /** The rows of {@code table}, below its header line. */
  static List<Row> parse(String table) {
    List<Row> rows = new ArrayList<>();
    for (String line : table.strip().lines().skip(1).toList()) {
      String[] cells = line.split("\\|");
      String[] call = cells[0].strip().split("\\s+");
      String[] method = call[0].split(":", 2);
      List<String> statuses = List.of(cells[2].strip().split("\\s+"));
      statuses.forEach(SecurityGridIT::status);
      if (statuses.size() != USERS.size()) {
        throw new IllegalArgumentException(line + ": one status per user");
      }
      rows.add(
          new Row(
              method[0],
              method.length > 1 ? method[1] : "application/json",
              call[1],
              cells[1].strip(),
              statuses));
    }
    return rows;
  }

  @BeforeAll
  static void aThreadOfPatJonesToDrSmith() {
    Messages.acceptGuidelines("pat.jones");
    Messages.acceptGuidelines("sam.rivera");
    guidelinesSha256 =
        Portal.json(Portal.get("/messaging/guidelines", "pat.jones").body()).get("sha256").asText();
    Map<String, Object> draft =
        Messages.draft("dr.smith", "STATUS", Messages.marker("grid"), "How am I doing?", true);
    draft.put("attachments", List.of(Messages.file("scan.pdf", Messages.pdf("scan"))));
    thread = Messages.start("pat.jones", draft);
    attachment =
        Portal.json(Portal.get("/threads/" + thread, "pat.jones").body())
            .get("messages")
            .get(0)
            .get("attachments")
            .get(0)
            .get("id")
            .asLong();
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Row row : GRID) {
      for (int i = 0; i < USERS.size(); i++) {
        cells.add(Arguments.of(row, USERS.get(i), row.statuses().get(i)));
      }
    }
    return cells.stream();
  }

  /** The status a cell says now: {@code 404}, or {@code 404~200} by the hospital's hours. */
  static int status(String cell) {
    String[] byHours = cell.split("~");
    if (byHours.length > 2) {
      throw new IllegalArgumentException(cell + ": a status, or two separated by ~");
    }
    return Integer.parseInt(byHours.length == 2 && Hospital.openNow() ? byHours[1] : byHours[0]);
  }

  @ParameterizedTest(name = "{0} by {1}: {2}")
  @MethodSource("cells")
  void eachUserGetsWhatTheGridSays(Row row, String user, String cell) {
    Set<Long> before = deniedSeqs(user);
    int expected = status(cell);
    HttpResponse<String> response = call(row, user);
    assertEquals(expected, response.statusCode(), row + " by " + user + ": " + response.body());
    List<JsonNode> denied = newDenied(user, before);
    if (expected == 403 || expected == 404) {
      Portal.assertProblem(response, expected);
      assertFalse(response.body().contains("How am I doing"), "nothing of the thread leaks");
      assertTrue(
          denied.stream()
              .anyMatch(
                  e ->
                      e.get("actor").asText().equals(user)
                          && e.get("outcome").asText().equals("DENIED")
                          && e.get("resource").asText().equals(row.resource(expected))
                          && (row.patient(expected) == null
                              || row.patient(expected).equals(e.path("patient").asText(null)))),
          row
              + " by "
              + user
              + ": a new ACCESS_DENIED entry for "
              + row.resource(expected)
              + (row.patient(expected) == null ? "" : " and patient " + row.patient(expected))
              + ", found "
              + denied);
    } else {
      assertTrue(denied.isEmpty(), row + " by " + user + " was allowed yet audited: " + denied);
    }
  }

  @Test
  void theGridCoversEveryUserAndNoRowTwice() {
    assertEquals(9, USERS.size());
    assertEquals(GRID.size(), GRID.stream().map(Row::toString).distinct().count());
  }

  @Test
  void withoutATokenEveryCallIsUnauthorized() {
    for (Row row : GRID) {
      assertEquals(401, call(row, null).statusCode(), row.toString());
    }
  }

  /** The access log's recent refusals of {@code actor} (the last ten minutes). */
  static List<JsonNode> recentDenied(String actor) {
    HttpResponse<String> page =
        Portal.get(
            "/audit?actor="
                + actor
                + "&action=ACCESS_DENIED&size=500&from="
                + Instant.now().minusSeconds(600),
            "audit.kim");
    assertEquals(200, page.statusCode(), page.body());
    return StreamSupport.stream(Portal.json(page.body()).spliterator(), false).toList();
  }

  /** The sequence numbers of the recent refusals of {@code actor}, before a call. */
  static Set<Long> deniedSeqs(String actor) {
    return recentDenied(actor).stream().map(e -> e.get("seq").asLong()).collect(Collectors.toSet());
  }

  /** The refusals of {@code actor} that were not in the log before (by their sequence numbers). */
  static List<JsonNode> newDenied(String actor, Set<Long> before) {
    return recentDenied(actor).stream()
        .filter(e -> !before.contains(e.get("seq").asLong()))
        .toList();
  }

  /** The body a POST of {@code row} sends as {@code user} (the GETs send none). */
  private static String body(Row row, String user) {
    Map<String, Object> body = new LinkedHashMap<>();
    switch (row.path()) {
      case "/messaging/guidelines/acceptance" -> {
        body.put("sha256", guidelinesSha256);
        body.put("language", "en");
      }
      case "/threads" -> {
        // a patient writes to dr.smith; anyone else writes about pat.jones
        body.put("to", user != null && user.startsWith("dr.") ? "" : "dr.smith");
        body.put("category", "GENERAL");
        body.put("subject", "Hello");
        body.put("body", "Hello");
        if (!"pat.jones".equals(user) && !"sam.rivera".equals(user)) {
          body.put("patient", "pat.jones");
        }
      }
      case "/threads/{thread}/messages" -> body.put("body", "A reply.");
      case "/admin/teams" -> {
        // a new, empty team each time: it changes no one's care team
        body.put("code", "grid-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        body.put("name", "Grid");
      }
      case "/me/away" -> {
        // no days: a clinician is refused (400) without an away period being recorded
        body.put("cover", "dr.chen");
      }
      case "/threads/{thread}/assignment" -> body.put("to", "dr.smith");
      case "/enrollment/codes" -> {
        String unique = java.util.UUID.randomUUID().toString().substring(0, 8);
        body.put("kind", "PATIENT");
        body.put("firstName", "Grid");
        body.put("lastName", "Patient");
        body.put("birthDate", "1970-01-01");
        body.put("email", "grid-" + unique + "@portal.test");
        body.put("mrn", "GRID-" + unique);
      }
      case "/requests" -> {
        // a renewal: a patient asks for themselves; anyone else for pat.jones
        body.put("type", "PRESCRIPTION_RENEWAL");
        body.put("medication", "Letrozole");
        body.put("dose", "2.5 mg daily");
        body.put("pharmacy", "Main Street Pharmacy");
        if (!"pat.jones".equals(user) && !"sam.rivera".equals(user)) {
          body.put("patient", "pat.jones");
        }
      }
      case "/me/templates" -> {
        body.put("title", "Grid");
        body.put("text", "A quick reply.");
      }
      default -> {
        return "";
      }
    }
    try {
      return Portal.JSON.writeValueAsString(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> call(Row row, String user) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1" + row.resolvedPath()))
            .header("Accept", row.accept());
    if (user != null) {
      request.header("Authorization", "Bearer " + Portal.token(user));
    }
    if (row.method().equals("GET")) {
      request.GET();
    } else if (row.method().equals("DELETE")) {
      request.DELETE();
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body(row, user)));
    }
    return Portal.send(request.build());
  }
}

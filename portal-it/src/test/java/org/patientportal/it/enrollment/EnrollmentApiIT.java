package org.patientportal.it.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.KeycloakUsers;
import org.patientportal.it.support.Mailbox;
import org.patientportal.it.support.Portal;

/**
 * Enrollment through the API against the real Keycloak and mail catcher: nurse.lee (staff)
 * registers a patient and gets a code; the patient enrolls without a token, which creates their
 * Keycloak account with the patient role and the required actions, and Keycloak's email reaches
 * them. Reusing the code, a wrong date of birth and a brute force of one code are all refused with
 * one and the same answer, and each leaves its audit entry. Every person is new (unique names), so
 * the test passes again against the same Keycloak.
 */
class EnrollmentApiIT {

  static final String STAFF = "nurse.lee";
  static final String BIRTH = "1961-04-23";

  @Test
  void aRegisteredPatientEnrollsOnceAndGetsTheirAccountAndKeycloaksEmail() {
    Instant before = Instant.now();
    String email = KeycloakUsers.unique("enroll-") + "@portal.test";
    String mrn = KeycloakUsers.unique("MRN-");
    JsonNode issued = issue("PATIENT", "Inés", "Núñez 🌻", email, mrn);
    String code = issued.get("code").asText();
    assertTrue(code.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), code);
    assertTrue(Instant.parse(issued.get("expiresAt").asText()).isAfter(before));

    HttpResponse<String> enrolled = enroll(code.toLowerCase(), BIRTH, email.toUpperCase());
    assertEquals(201, enrolled.statusCode(), enrolled.body());
    assertEquals(email, Portal.json(enrolled.body()).get("username").asText());

    JsonNode user = KeycloakUsers.find(email).orElseThrow();
    assertEquals("Inés", user.get("firstName").asText());
    assertEquals("Núñez 🌻", user.get("lastName").asText());
    assertFalse(user.get("emailVerified").asBoolean());
    assertTrue(
        KeycloakUsers.requiredActions(user).containsAll(List.of("VERIFY_EMAIL", "UPDATE_PASSWORD")),
        user.toString());
    List<String> roles = KeycloakUsers.realmRoles(user.get("id").asText());
    assertTrue(roles.contains("patient"), roles.toString());
    assertFalse(roles.contains("staff") || roles.contains("proxy"), roles.toString());

    Mailbox.Received mail = Mailbox.awaitOne(email, m -> true);
    assertTrue(mail.text().contains("/realms/portal/login-actions/action-token"), mail.text());
    assertFalse(mail.raw().contains(code), "Keycloak's email does not carry the activation code");

    // the code works once
    refused(enroll(code, BIRTH, email));
    // a second code for the same record number is refused now that it has an account
    Portal.assertProblem(
        Portal.post("/enrollment/codes", STAFF, registration("PATIENT", "A", "B", email, mrn)),
        409);

    List<JsonNode> entries = audit("ENROLLED", email, before);
    assertEquals(1, entries.size(), entries.toString());
    assertEquals(email, entries.get(0).get("patient").asText());
    assertFalse(audit("ENROLLMENT_CODE_ISSUED", STAFF, before).isEmpty());
    assertTrue(
        audit("ENROLLMENT_REFUSED", "anonymous", before).stream()
            .anyMatch(e -> e.get("resource").asText().endsWith(" used")),
        "the reused code is audited as used");
  }

  @Test
  void wrongDetailsAreRefusedLikeAnUnknownCodeAndFiveLockTheCode() {
    Instant before = Instant.now();
    String email = KeycloakUsers.unique("brute-") + "@portal.test";
    String code =
        issue("PATIENT", "Ana", "García", email, KeycloakUsers.unique("MRN-")).get("code").asText();

    JsonNode wrongBirth = refused(enroll(code, "1961-04-24", email));
    JsonNode unknownCode = refused(enroll("ABCD-EFGH-JKMN", BIRTH, email));
    assertEquals(wrongBirth.get("detail").asText(), unknownCode.get("detail").asText());
    refused(enroll(code, BIRTH, "someone.else@portal.test"));
    for (int i = 3; i <= 5; i++) {
      refused(enroll(code, "2000-01-0" + i, email));
    }
    // locked: the right details no longer open it, and the answer is the same
    JsonNode locked = refused(enroll(code, BIRTH, email));
    assertEquals(wrongBirth.get("detail").asText(), locked.get("detail").asText());
    assertTrue(KeycloakUsers.find(email).isEmpty(), "no account for a locked code");

    List<String> reasons =
        audit("ENROLLMENT_REFUSED", "anonymous", before).stream()
            .map(e -> e.get("resource").asText())
            .toList();
    assertTrue(reasons.stream().anyMatch(r -> r.contains("attempts=5 locked")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.endsWith(" locked")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("unknown-code")), reasons.toString());
  }

  @Test
  void tooManyRefusalsForOneEmailAreRateLimited() {
    Instant before = Instant.now();
    String email = KeycloakUsers.unique("limited-") + "@portal.test";
    // refusals naming one email, each with a code of its own (no code locks)
    for (int i = 0; i < 10; i++) {
      refused(enroll("ZZZZ-ZZZZ-ZZ" + (10 + i), BIRTH, email));
    }
    HttpResponse<String> limited = enroll("ZZZZ-ZZZZ-ZZZZ", BIRTH, email);
    JsonNode problem = Portal.assertProblem(limited, 429);
    assertEquals("/portal/problems/rate-limited", problem.get("type").asText());
    assertTrue(limited.headers().firstValue("Retry-After").isPresent());
    assertFalse(audit("ENROLLMENT_RATE_LIMITED", "anonymous", before).isEmpty());
  }

  @Test
  void anEmailedCodeArrivesAndEnrolls() {
    String email = KeycloakUsers.unique("emailed-") + "@portal.test";
    Map<String, Object> body =
        registration("PATIENT", "José", "Müller", email, KeycloakUsers.unique("MRN-"));
    body.put("delivery", "EMAIL");
    HttpResponse<String> issued = Portal.post("/enrollment/codes", STAFF, body);
    assertEquals(201, issued.statusCode(), issued.body());
    String code = Portal.json(issued.body()).get("code").asText();

    Mailbox.Received invitation =
        Mailbox.awaitOne(email, m -> m.subject().contains("activation code"));
    assertTrue(invitation.text().contains(code), invitation.text());
    assertTrue(invitation.text().contains("/enroll.xhtml"), invitation.text());

    assertEquals(201, enroll(code, BIRTH, email).statusCode());
    Mailbox.awaitOne(email, m -> !m.subject().contains("activation code"));
  }

  @Test
  void aCaregiverIsInvitedAndEnrollsAsAProxy() {
    String email = KeycloakUsers.unique("carer-") + "@portal.test";
    String code = issue("PROXY", "Chris", "Carer", email, null).get("code").asText();
    assertEquals(201, enroll(code, BIRTH, email).statusCode());
    JsonNode user = KeycloakUsers.find(email).orElseThrow();
    List<String> roles = KeycloakUsers.realmRoles(user.get("id").asText());
    assertTrue(roles.contains("proxy") && !roles.contains("patient"), roles.toString());
  }

  @Test
  void onlyStaffIssueCodesAndBadInputNamesItsField() {
    Map<String, Object> valid =
        registration("PATIENT", "Sam", "Lee", "x@portal.test", KeycloakUsers.unique("MRN-"));
    Portal.assertProblem(Portal.post("/enrollment/codes", "pat.jones", valid), 403);
    Portal.assertProblem(Portal.post("/enrollment/codes", null, valid), 401);
    Map<String, Object> noMrn = new LinkedHashMap<>(valid);
    noMrn.remove("mrn");
    assertEquals(
        "mrn",
        Portal.assertProblem(Portal.post("/enrollment/codes", STAFF, noMrn), 400)
            .get("field")
            .asText());
    Map<String, Object> badDate = new LinkedHashMap<>(valid);
    badDate.put("birthDate", "23/04/1961");
    assertEquals(
        "birthDate",
        Portal.assertProblem(Portal.post("/enrollment/codes", STAFF, badDate), 400)
            .get("field")
            .asText());
    assertEquals(
        "code",
        Portal.assertProblem(enroll("short", BIRTH, "x@portal.test"), 400).get("field").asText());
  }

  static JsonNode issue(String kind, String first, String last, String email, String mrn) {
    HttpResponse<String> issued =
        Portal.post("/enrollment/codes", STAFF, registration(kind, first, last, email, mrn));
    assertEquals(201, issued.statusCode(), issued.body());
    return Portal.json(issued.body());
  }

  static Map<String, Object> registration(
      String kind, String first, String last, String email, String mrn) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("firstName", first);
    body.put("lastName", last);
    body.put("birthDate", BIRTH);
    body.put("email", email);
    if (mrn != null) {
      body.put("mrn", mrn);
    }
    return body;
  }

  static HttpResponse<String> enroll(String code, String birthDate, String email) {
    return Portal.post(
        "/enrollment", null, Map.of("code", code, "birthDate", birthDate, "email", email));
  }

  static JsonNode refused(HttpResponse<String> response) {
    JsonNode problem = Portal.assertProblem(response, 400);
    assertEquals("/portal/problems/enrollment-refused", problem.get("type").asText());
    assertFalse(problem.has("field"), "a refusal names no field: " + problem);
    return problem;
  }

  static List<JsonNode> audit(String action, String actor, Instant from) {
    HttpResponse<String> page =
        Portal.get(
            "/audit?action=" + action + "&actor=" + actor + "&from=" + from + "&size=100",
            "audit.kim");
    assertEquals(200, page.statusCode(), page.body());
    return StreamSupport.stream(Portal.json(page.body()).spliterator(), false).toList();
  }
}

package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.KeycloakAdmin;
import org.patientportal.it.support.Portal;

/**
 * The names and email address the portal shows to the care team come from Keycloak; the realm's
 * user profile lets only an administrator change them (issue 11, point 4), so a patient cannot
 * rename themselves and appear to clinicians as someone else. Checked against the real Keycloak,
 * through its Account API as the user and its admin API as the demo administrator.
 */
class IdentityDataIT {

  private static final String ACCOUNT = Portal.KEYCLOAK + "/realms/portal/account/";

  @Test
  void theRealmsUserProfileLetsOnlyAnAdministratorEditNamesEmailAndUsername() {
    JsonNode profile = Portal.json(admin("GET", "/users/profile", null).body());
    for (String name : List.of("username", "email", "firstName", "lastName")) {
      JsonNode attribute = attribute(profile.get("attributes"), name);
      assertEquals(
          "[\"admin\"]",
          attribute.get("permissions").get("edit").toString(),
          name + " is editable by administrators only: " + attribute);
      assertTrue(
          attribute.get("permissions").get("view").toString().contains("user"),
          "the user still sees their " + name);
    }
  }

  @Test
  void aPatientCannotRenameThemselvesOrChangeTheirEmailThroughKeycloak() {
    String token = Portal.token("sam.rivera");
    HttpResponse<String> mine = account("GET", token, null);
    assertEquals(200, mine.statusCode(), "the Account API answers the user: " + mine.body());
    ObjectNode account = (ObjectNode) Portal.json(mine.body());
    String firstName = account.get("firstName").asText();
    String email = account.get("email").asText();
    for (JsonNode attribute : account.get("userProfileMetadata").get("attributes")) {
      if (List.of("firstName", "lastName", "email", "username")
          .contains(attribute.get("name").asText())) {
        assertTrue(
            attribute.get("readOnly").asBoolean(), "shown read-only to the user: " + attribute);
      }
    }

    ObjectNode renamed = account.deepCopy();
    renamed.put("firstName", "Dr. Mallory ✨");
    renamed.put("email", "mallory@example.org");
    renamed.remove("userProfileMetadata");
    HttpResponse<String> refused = account("POST", token, renamed.toString());
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("read-only"), refused.body());

    JsonNode after = Portal.json(account("GET", token, null).body());
    assertEquals(firstName, after.get("firstName").asText());
    assertEquals(email, after.get("email").asText());
  }

  private static JsonNode attribute(JsonNode attributes, String name) {
    for (JsonNode attribute : attributes) {
      if (name.equals(attribute.get("name").asText())) {
        return attribute;
      }
    }
    throw new AssertionError("no attribute " + name + " in " + attributes);
  }

  private static HttpResponse<String> account(String method, String token, String body) {
    return KeycloakAdmin.send(ACCOUNT, method, token, body);
  }

  private static HttpResponse<String> admin(String method, String path, String body) {
    return KeycloakAdmin.call(method, path, body);
  }
}

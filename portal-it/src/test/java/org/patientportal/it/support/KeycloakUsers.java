package org.patientportal.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The test Keycloak's users through its admin REST API, as the demo administrator: look a user up
 * by username, read their realm roles and required actions. Tests that create users give them
 * {@link #unique} names, so that a second run against the same Keycloak passes.
 */
public final class KeycloakUsers {

  private static final String ADMIN = Portal.KEYCLOAK + "/admin/realms/portal";

  private KeycloakUsers() {}

  /** A name no earlier run used: {@code prefix} and eight random hex digits. */
  public static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The user with exactly this username, or empty. */
  public static Optional<JsonNode> find(String username) {
    JsonNode users =
        Portal.json(
            call(
                    "GET",
                    "/users?exact=true&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8))
                .body());
    for (JsonNode user : users) {
      if (username.equalsIgnoreCase(user.get("username").asText())) {
        return Optional.of(user);
      }
    }
    return Optional.empty();
  }

  /** The realm roles mapped to a user directly. */
  public static List<String> realmRoles(String id) {
    List<String> names = new ArrayList<>();
    for (JsonNode role : Portal.json(call("GET", "/users/" + id + "/role-mappings/realm").body())) {
      names.add(role.get("name").asText());
    }
    return names;
  }

  /** The user's required actions. */
  public static List<String> requiredActions(JsonNode user) {
    List<String> actions = new ArrayList<>();
    user.path("requiredActions").forEach(a -> actions.add(a.asText()));
    return actions;
  }

  /** A call to the admin API of the demo Keycloak, as its demo administrator. */
  public static HttpResponse<String> call(String method, String path) {
    String token =
        Portal.json(Portal.passwordGrant("master", "admin-cli", "admin", "Demo-admin-2026").body())
            .get("access_token")
            .asText();
    return Portal.send(
        HttpRequest.newBuilder(URI.create(ADMIN + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }
}

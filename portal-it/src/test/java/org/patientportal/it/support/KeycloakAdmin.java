package org.patientportal.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** The admin API of the demo Keycloak, as its demo administrator (demo realm only). */
public final class KeycloakAdmin {

  private KeycloakAdmin() {}

  /** A call below /admin/realms/portal with a JSON body (or none when null). */
  public static HttpResponse<String> call(String method, String path, String body) {
    String token =
        Portal.json(Portal.passwordGrant("master", "admin-cli", "admin", "Demo-admin-2026").body())
            .get("access_token")
            .asText();
    return send(Portal.KEYCLOAK + "/admin/realms/portal" + path, method, token, body);
  }

  /** A JSON call to any Keycloak URL with a bearer token (the Account API's, say). */
  public static HttpResponse<String> send(String url, String method, String token, String body) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** The Keycloak id of {@code username}. */
  public static String userId(String username) {
    HttpResponse<String> found = call("GET", "/users?exact=true&username=" + username, null);
    return Portal.json(found.body()).get(0).get("id").asText();
  }

  /**
   * Creates an enabled user with the demo password, a verified email and {@code realmRole}; returns
   * their Keycloak id.
   */
  public static String createUser(
      String username, String firstName, String lastName, String realmRole) {
    HttpResponse<String> created =
        call(
            "POST",
            "/users",
            Portal.JSON
                .valueToTree(
                    Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "email",
                        username + "@portal.test",
                        "emailVerified",
                        true,
                        "firstName",
                        firstName,
                        "lastName",
                        lastName,
                        "credentials",
                        List.of(
                            Map.of(
                                "type",
                                "password",
                                "value",
                                Portal.DEMO_PASSWORD,
                                "temporary",
                                false))))
                .toString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Keycloak refused the user: " + created.body());
    }
    String id = userId(username);
    JsonNode role = Portal.json(call("GET", "/roles/" + realmRole, null).body());
    HttpResponse<String> granted =
        call("POST", "/users/" + id + "/role-mappings/realm", "[" + role + "]");
    if (granted.statusCode() != 204) {
      throw new IllegalStateException("Keycloak refused the role: " + granted.body());
    }
    return id;
  }

  /** The types of {@code userId}'s credentials (password, otp, webauthn). */
  public static List<String> credentialTypes(String userId) {
    List<String> types = new java.util.ArrayList<>();
    Portal.json(call("GET", "/users/" + userId + "/credentials", null).body())
        .forEach(c -> types.add(c.get("type").asText()));
    return types;
  }
}

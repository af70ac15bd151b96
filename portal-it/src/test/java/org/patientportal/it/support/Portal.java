package org.patientportal.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Where the portal under test runs, and an HTTP client for its API with real Keycloak tokens. */
public final class Portal {

  public static final String URL = System.getProperty("portal.url", "http://localhost:8080/portal");
  public static final String KEYCLOAK = System.getProperty("keycloak.url", "http://localhost:8180");
  public static final String MANAGEMENT =
      System.getProperty("management.url", "http://localhost:9990");
  public static final String DEMO_PASSWORD = "Demo-pass-2026";

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

  /** A cached access token and when to stop using it (well before Keycloak's 5 minutes). */
  private record Token(String value, java.time.Instant renewAfter) {}

  private Portal() {}

  /** An access token for a demo user, from the demo realm's portal-cli client (password grant). */
  public static String token(String username) {
    return TOKENS
        .compute(
            username,
            (u, cached) ->
                cached != null && java.time.Instant.now().isBefore(cached.renewAfter())
                    ? cached
                    : new Token(
                        requestToken(u, DEMO_PASSWORD), java.time.Instant.now().plusSeconds(120)))
        .value();
  }

  private static String requestToken(String username, String password) {
    HttpResponse<String> response = passwordGrant("portal", "portal-cli", username, password);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak refused a token for " + username + ": " + response.body());
    }
    return json(response.body()).get("access_token").asText();
  }

  /**
   * Keycloak's answer to a password grant (direct access) in {@code realm} for {@code clientId};
   * for a demo user with an OTP secret in realm portal, with the code of their authenticator app
   * (the realm's direct grant flow asks the staff-side roles for it).
   */
  public static HttpResponse<String> passwordGrant(
      String realm, String clientId, String username, String password) {
    String totp =
        "portal".equals(realm)
            ? Totp.demoSecret(username).map(s -> Totp.nextCode(username)).orElse(null)
            : null;
    return passwordGrant(realm, clientId, username, password, totp);
  }

  /** A password grant with the given one-time code ({@code totp}; none when null). */
  public static HttpResponse<String> passwordGrant(
      String realm, String clientId, String username, String password, String totp) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("grant_type", "password");
    fields.put("client_id", clientId);
    fields.put("username", username);
    fields.put("password", password);
    if (totp != null) {
      fields.put("totp", totp);
    }
    String form =
        fields.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(
                URI.create(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** GET an API path (below /api/v1) as a user; null user sends no token. */
  public static HttpResponse<String> get(String path, String username) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(URL + "/api/v1" + path))
            .header("Accept", "application/json");
    if (username != null) {
      request.header("Authorization", "Bearer " + token(username));
    }
    return send(request.GET().build());
  }

  /** POST a JSON body (an object Jackson writes, or a String sent as is) as a user. */
  public static HttpResponse<String> post(String path, String username, Object body) {
    return withJson("POST", path, username, body);
  }

  /** PUT a JSON body (an object Jackson writes, or a String sent as is) as a user. */
  public static HttpResponse<String> put(String path, String username, Object body) {
    return withJson("PUT", path, username, body);
  }

  private static HttpResponse<String> withJson(
      String method, String path, String username, Object body) {
    String json;
    try {
      json = body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(URL + "/api/v1" + path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    if (username != null) {
      request.header("Authorization", "Bearer " + token(username));
    }
    return send(request.build());
  }

  /** DELETE an API path as a user. */
  public static HttpResponse<String> delete(String path, String username) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(URL + "/api/v1" + path))
            .header("Accept", "application/json")
            .DELETE();
    if (username != null) {
      request.header("Authorization", "Bearer " + token(username));
    }
    return send(request.build());
  }

  /** GET an API path as a user, the body as bytes (downloads). */
  public static HttpResponse<byte[]> getBytes(String path, String username) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(URL + "/api/v1" + path))
            .header("Authorization", "Bearer " + token(username))
            .GET()
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Asserts that a response is an RFC 9457 problem with the given status, and returns the problem.
   */
  public static JsonNode assertProblem(HttpResponse<String> response, int status) {
    org.junit.jupiter.api.Assertions.assertEquals(status, response.statusCode(), response.body());
    org.junit.jupiter.api.Assertions.assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    JsonNode problem = json(response.body());
    org.junit.jupiter.api.Assertions.assertEquals(status, problem.get("status").asInt());
    org.junit.jupiter.api.Assertions.assertFalse(
        response.body().contains("Exception"), "no exception text leaks: " + response.body());
    return problem;
  }

  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }
}

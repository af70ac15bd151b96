package org.patientportal.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.shared.entity.Jsonp;
import org.patientportal.shared.entity.UnavailableException;

/**
 * The realm roles Keycloak gives a person (with composites), read over its admin REST API as the
 * confidential client {@code portal-audit}, whose service account may view users (client
 * credentials grant). Keycloak owns the roles; the portal keeps no copy, so a role taken away there
 * counts at once. Set as for the sign-in events ({@code OIDC_PROVIDER_URL}, {@code
 * PORTAL_AUDIT_CLIENT_ID}, {@code PORTAL_AUDIT_CLIENT_SECRET}; the demo realm's secret when {@code
 * PORTAL_DEMO_DATA=true}). Asked only when an administrator changes a care team.
 */
@ApplicationScoped
public class RealmRoles {

  private static final Logger LOG = Logger.getLogger(RealmRoles.class.getName());

  /** The demo realm's secret of portal-audit (realm-config/src/main/demo), never production's. */
  static final String DEMO_SECRET = "demo-portal-audit-secret-not-for-production";

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final String UNAVAILABLE = "{identity.directory.unavailable}";

  @Inject
  @ConfigProperty(name = "oidc.provider-url", defaultValue = "http://localhost:8180/realms/portal")
  String providerUrl;

  @Inject
  @ConfigProperty(name = "portal.audit.client-id", defaultValue = "portal-audit")
  String clientId;

  @Inject
  @ConfigProperty(name = "portal.audit.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "portal.demo-data", defaultValue = "false")
  boolean demo;

  private URI server;
  private String realm;
  private String secret;
  private HttpClient http;
  private String token;
  private Instant tokenRenewAfter = Instant.MIN;

  @PostConstruct
  void configure() {
    String url = providerUrl.endsWith("/") ? providerUrl : providerUrl + "/";
    int at = url.indexOf("/realms/");
    if (at < 0) {
      throw new IllegalStateException("oidc.provider-url names no realm: " + providerUrl);
    }
    server = URI.create(url.substring(0, at + 1));
    realm = url.substring(at + "/realms/".length(), url.length() - 1);
    secret = clientSecret.orElse(demo ? DEMO_SECRET : null);
    http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /**
   * The realm roles of {@code username} (direct and composite), or empty when Keycloak knows no
   * such user.
   *
   * @throws UnavailableException when Keycloak cannot be asked
   */
  public synchronized Optional<Set<String>> of(String username) {
    URI find =
        server.resolve(
            "admin/realms/"
                + encode(realm)
                + "/users?exact=true&briefRepresentation=true&username="
                + encode(username));
    HttpResponse<String> users = authorized(find);
    String id = null;
    for (JsonValue v : array(users.body())) {
      JsonObject user = v.asJsonObject();
      if (username.equalsIgnoreCase(user.getString("username", ""))) {
        id = user.getString("id", null);
      }
    }
    if (id == null) {
      return Optional.empty();
    }
    HttpResponse<String> mappings =
        authorized(
            server.resolve(
                "admin/realms/"
                    + encode(realm)
                    + "/users/"
                    + encode(id)
                    + "/role-mappings/realm/composite"));
    Set<String> roles = new HashSet<>();
    for (JsonValue v : array(mappings.body())) {
      roles.add(v.asJsonObject().getString("name", ""));
    }
    return Optional.of(roles);
  }

  private HttpResponse<String> authorized(URI uri) {
    HttpResponse<String> response = get(uri, token());
    if (response.statusCode() == 401) {
      tokenRenewAfter = Instant.MIN;
      response = get(uri, token());
    }
    int status = response.statusCode();
    if (status != 200) {
      LOG.warning(
          () ->
              "Keycloak answered "
                  + status
                  + " to a user look-up in realm "
                  + realm
                  + (status == 403
                      ? ": give the service account of " + clientId + " the role view-users"
                      : ""));
      throw new UnavailableException(UNAVAILABLE);
    }
    return response;
  }

  private String token() {
    if (token != null && Instant.now().isBefore(tokenRenewAfter)) {
      return token;
    }
    if (secret == null || secret.isBlank()) {
      LOG.warning("No PORTAL_AUDIT_CLIENT_SECRET: the portal cannot look up users' roles");
      throw new UnavailableException(UNAVAILABLE);
    }
    String form =
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)
            .entrySet()
            .stream()
            .map(e -> e.getKey() + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    server.resolve("realms/" + encode(realm) + "/protocol/openid-connect/token"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (response.statusCode() != 200) {
      LOG.warning(() -> "Keycloak refused a token to " + clientId + ": " + response.statusCode());
      throw new UnavailableException(UNAVAILABLE);
    }
    try (JsonReader reader = Jsonp.reader(response.body())) {
      JsonObject answer = reader.readObject();
      token = answer.getString("access_token");
      long seconds = answer.getJsonNumber("expires_in").longValue();
      tokenRenewAfter = Instant.now().plusSeconds(seconds).minusSeconds(30);
      return token;
    } catch (JsonException | ClassCastException | NullPointerException e) {
      throw new UnavailableException(UNAVAILABLE);
    }
  }

  private HttpResponse<String> get(URI uri, String bearer) {
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + bearer)
            .GET()
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.warning(() -> "Keycloak cannot be reached at " + server + ": " + e);
      throw new UnavailableException(UNAVAILABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException(UNAVAILABLE);
    }
  }

  private static JsonArray array(String json) {
    try (JsonReader reader = Jsonp.reader(json)) {
      return reader.readArray();
    } catch (JsonException | IllegalStateException e) {
      throw new UnavailableException(UNAVAILABLE);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

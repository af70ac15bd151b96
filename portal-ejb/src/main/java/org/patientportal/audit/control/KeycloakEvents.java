package org.patientportal.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.audit.entity.KeycloakEvent;
import org.patientportal.audit.entity.KeycloakUnavailableException;
import org.patientportal.shared.entity.Jsonp;

/**
 * Reads Keycloak's sign-in events over its admin REST API, as the confidential client {@code
 * portal-audit}, whose service account may only view events (client credentials grant). Set with:
 *
 * <ul>
 *   <li>{@code OIDC_PROVIDER_URL} (or {@code oidc.provider-url}): the realm, as for the portal's
 *       sign-in; by default {@code http://localhost:8180/realms/portal};
 *   <li>{@code PORTAL_AUDIT_CLIENT_ID} (or {@code portal.audit.client-id}): {@code portal-audit};
 *   <li>{@code PORTAL_AUDIT_CLIENT_SECRET} (or {@code portal.audit.client-secret}): its secret; the
 *       demo realm's when {@code PORTAL_DEMO_DATA=true}, otherwise nothing is read without it.
 * </ul>
 *
 * Every call has a time limit, so an unreachable Keycloak costs an import seconds, not a thread.
 */
@ApplicationScoped
public class KeycloakEvents {

  /** The demo realm's secret of portal-audit (realm-config/src/main/demo), never production's. */
  static final String DEMO_SECRET = "demo-portal-audit-secret-not-for-production";

  static final String DEFAULT_PROVIDER = "http://localhost:8180/realms/portal";
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  /** A token is renewed this long before Keycloak says it expires. */
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

  private URI server;
  private String realm;
  private String clientId;
  private String secret;
  private HttpClient http;
  private String token;
  private Instant tokenRenewAfter = Instant.MIN;

  @Inject
  @ConfigProperty(name = "oidc.provider-url", defaultValue = DEFAULT_PROVIDER)
  String providerUrlSetting;

  @Inject
  @ConfigProperty(name = "portal.audit.client-id", defaultValue = "portal-audit")
  String clientIdSetting;

  @Inject
  @ConfigProperty(name = "portal.audit.client-secret")
  java.util.Optional<String> clientSecretSetting;

  @Inject
  @ConfigProperty(name = "portal.demo-data", defaultValue = "false")
  boolean demo;

  @PostConstruct
  void configure() {
    configure(
        providerUrlSetting, clientIdSetting, clientSecretSetting.orElse(demo ? DEMO_SECRET : null));
  }

  /** Reads the realm at {@code providerUrl} as {@code clientId} with {@code clientSecret}. */
  void configure(String providerUrl, String clientId, String clientSecret) {
    String[] serverAndRealm = serverAndRealm(providerUrl);
    this.server = URI.create(serverAndRealm[0]);
    this.realm = serverAndRealm[1];
    this.clientId = clientId;
    this.secret = clientSecret;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** Whether there is a client secret to read events with. */
  public boolean configured() {
    return secret != null && !secret.isBlank();
  }

  public String realm() {
    return realm;
  }

  /** Where the events come from, for the log: the realm and the server. */
  public String describe() {
    return "realm " + realm + " at " + server;
  }

  /**
   * Up to {@code max} sign-in events from {@code from} on (inclusive; null: the oldest Keycloak
   * keeps), oldest first.
   */
  public List<KeycloakEvent> page(Instant from, int max) {
    StringBuilder query = new StringBuilder();
    KeycloakEvent.TYPES.forEach(t -> query.append("type=").append(t).append('&'));
    if (from != null) {
      query.append("dateFrom=").append(from.toEpochMilli()).append('&');
    }
    query.append("direction=asc&first=0&max=").append(max);
    URI uri = server.resolve("admin/realms/" + encode(realm) + "/events?" + query);
    HttpResponse<String> response = get(uri, token());
    if (response.statusCode() == 401) {
      // the token ended early (Keycloak restarted, a session limit): one more try with a new one
      tokenRenewAfter = Instant.MIN;
      response = get(uri, token());
    }
    if (response.statusCode() != 200) {
      throw new KeycloakUnavailableException(
          "Keycloak answered "
              + response.statusCode()
              + " to the request for events of "
              + describe()
              + (response.statusCode() == 403
                  ? ": give the service account of " + clientId + " the role view-events"
                  : ""));
    }
    return parse(response.body());
  }

  private String token() {
    if (token != null && Instant.now().isBefore(tokenRenewAfter)) {
      return token;
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
      throw new KeycloakUnavailableException(
          "Keycloak refused a token to the client "
              + clientId
              + " of "
              + describe()
              + " ("
              + response.statusCode()
              + "): check PORTAL_AUDIT_CLIENT_SECRET and that the client has a service account");
    }
    try (JsonReader reader = Jsonp.reader(response.body())) {
      JsonObject answer = reader.readObject();
      token = answer.getString("access_token");
      long seconds = answer.getJsonNumber("expires_in").longValue();
      tokenRenewAfter = Instant.now().plusSeconds(seconds).minus(TOKEN_MARGIN);
      return token;
    } catch (JsonException | ClassCastException | NullPointerException e) {
      throw new KeycloakUnavailableException(
          "Keycloak's token answer for " + clientId + " could not be read");
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
      throw new KeycloakUnavailableException(
          "Keycloak cannot be reached ("
              + describe()
              + "): "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeycloakUnavailableException("Interrupted while reading events of " + describe());
    }
  }

  /** The events of an admin API answer (a JSON array of event representations). */
  public static List<KeycloakEvent> parse(String json) {
    List<KeycloakEvent> events = new ArrayList<>();
    try (JsonReader reader = Jsonp.reader(json)) {
      for (JsonValue value : reader.readArray()) {
        JsonObject event = value.asJsonObject();
        String type = text(event, "type");
        if (!KeycloakEvent.TYPES.contains(type)) {
          continue;
        }
        JsonObject details =
            event.get("details") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
        JsonNumber time = event.getJsonNumber("time");
        events.add(
            new KeycloakEvent(
                text(event, "id"),
                time == null ? null : Instant.ofEpochMilli(time.longValueExact()),
                type,
                text(event, "clientId"),
                text(event, "userId"),
                text(event, "sessionId"),
                text(event, "ipAddress"),
                text(event, "error"),
                text(details, "username")));
      }
    } catch (JsonException
        | ClassCastException
        | ArithmeticException
        | IllegalArgumentException
        | NullPointerException e) {
      throw new KeycloakUnavailableException(
          "Keycloak's answer is not a list of events the portal can read: "
              + e.getClass().getSimpleName());
    }
    return events;
  }

  private static String text(JsonObject o, String name) {
    JsonValue value = o.get(name);
    return value instanceof JsonString s ? s.getString() : null;
  }

  /**
   * The Keycloak server and the realm of an OIDC provider URL ({@code <server>/realms/<realm>}).
   */
  static String[] serverAndRealm(String providerUrl) {
    String url = providerUrl.strip();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    int at = url.lastIndexOf("/realms/");
    if (at < 0 || at + "/realms/".length() == url.length()) {
      throw new IllegalStateException(
          "OIDC_PROVIDER_URL must end in /realms/<realm>, such as " + DEFAULT_PROVIDER);
    }
    return new String[] {url.substring(0, at) + "/", url.substring(at + "/realms/".length())};
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

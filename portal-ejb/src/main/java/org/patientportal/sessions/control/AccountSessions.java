package org.patientportal.sessions.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.sessions.entity.SignInSession;
import org.patientportal.shared.control.KeycloakAdmin;
import org.patientportal.shared.entity.Jsonp;
import org.patientportal.shared.entity.UnavailableException;

/**
 * A person's Keycloak sessions, through Keycloak's Account REST API ({@code
 * /realms/portal/account/sessions/devices}) with that person's own access token: the portal needs
 * no privilege of its own to list them or to end one, and Keycloak itself makes sure a token only
 * reaches its holder's sessions. Ending a session in Keycloak ends the portal's browser sessions of
 * it at once through the back-channel logout.
 */
@ApplicationScoped
public class AccountSessions {

  private static final Logger LOG = Logger.getLogger(AccountSessions.class.getName());

  @Inject
  @ConfigProperty(name = "oidc.provider-url", defaultValue = KeycloakAdmin.DEFAULT_PROVIDER)
  String providerUrl;

  private HttpClient http;

  @PostConstruct
  void start() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(KeycloakAdmin.CONNECT_TIMEOUT)
            .build();
  }

  /** The sessions of the token's holder, the one the token belongs to marked current. */
  public List<SignInSession> list(String accessToken) {
    HttpResponse<String> answer = send(accessToken, "GET", "sessions/devices");
    if (answer.statusCode() != 200) {
      throw unavailable("the list of sessions", answer.statusCode());
    }
    try (JsonReader reader = Jsonp.reader(answer.body())) {
      return sessions(reader.readArray());
    } catch (RuntimeException e) {
      throw new UnavailableException("{identity.sessions.unavailable}");
    }
  }

  /** Ends one of the holder's sessions in Keycloak (and so everywhere it is used). */
  public void end(String accessToken, String sessionId) {
    HttpResponse<String> answer =
        send(
            accessToken,
            "DELETE",
            "sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8));
    if (answer.statusCode() / 100 != 2) {
      throw unavailable("ending a session", answer.statusCode());
    }
  }

  /** Keycloak's devices, each with its sessions, as one list of sessions, newest first. */
  static List<SignInSession> sessions(JsonArray devices) {
    List<SignInSession> sessions = new ArrayList<>();
    for (JsonValue value : devices) {
      JsonObject device = value.asJsonObject();
      for (JsonValue s : device.getJsonArray("sessions")) {
        JsonObject session = s.asJsonObject();
        List<String> clients = new ArrayList<>();
        JsonArray clientList = session.getJsonArray("clients");
        if (clientList != null) {
          for (JsonValue c : clientList) {
            JsonObject client = c.asJsonObject();
            String name = client.getString("clientName", "");
            clients.add(name.isBlank() ? client.getString("clientId", "") : name);
          }
        }
        sessions.add(
            new SignInSession(
                session.getString("id"),
                session.getString("ipAddress", null),
                seconds(session, "started"),
                seconds(session, "lastAccess"),
                seconds(session, "expires"),
                text(session.getString("browser", null), device.getString("browser", null)),
                osOf(device),
                text(device.getString("device", null), null),
                device.getBoolean("mobile", false),
                List.copyOf(clients),
                session.getBoolean("current", false)));
      }
    }
    sessions.sort(
        Comparator.comparing(
            SignInSession::started, Comparator.nullsLast(Comparator.reverseOrder())));
    return sessions;
  }

  private static String osOf(JsonObject device) {
    String os = text(device.getString("os", null), null);
    String version = text(device.getString("osVersion", null), null);
    if (os == null) {
      return null;
    }
    return version == null || "Unknown".equalsIgnoreCase(version) ? os : os + " " + version;
  }

  private static String text(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value;
  }

  private static Instant seconds(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof jakarta.json.JsonNumber n && n.longValue() > 0
        ? Instant.ofEpochSecond(n.longValue())
        : null;
  }

  private HttpResponse<String> send(String accessToken, String method, String path) {
    if (accessToken == null || accessToken.isBlank()) {
      throw new UnavailableException("{identity.sessions.unavailable}");
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(providerUrl.replaceAll("/+$", "") + "/account/" + path))
            .timeout(KeycloakAdmin.REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UnavailableException("{identity.sessions.unavailable}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("{identity.sessions.unavailable}");
    }
  }

  private static UnavailableException unavailable(String what, int status) {
    LOG.warning("Keycloak's account API answered " + status + " to " + what);
    return new UnavailableException("{identity.sessions.unavailable}");
  }
}

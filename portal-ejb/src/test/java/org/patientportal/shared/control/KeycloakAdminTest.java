package org.patientportal.shared.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The token keeping and the refusals of {@link KeycloakAdmin}, against a stand-in for Keycloak's
 * token endpoint and user search (the JDK's HTTP server): keycloak-admin-client on the RESTEasy
 * client and Jackson provider WildFly 39 runs.
 */
class KeycloakAdminTest {

  private HttpServer server;
  private final AtomicInteger tokens = new AtomicInteger();
  private int tokenStatus = 200;
  private final Queue<Integer> userStatuses = new ArrayDeque<>();
  private String usersAnswer = "[{\"id\": \"u-1\", \"username\": \"dr.smith\"}]";
  private KeycloakAdmin keycloak;

  @BeforeEach
  void keycloak() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/realms/portal/protocol/openid-connect/token",
        exchange -> {
          int n = tokens.incrementAndGet();
          answer(
              exchange,
              tokenStatus,
              tokenStatus != 200
                  ? "{\"error\": \"unauthorized_client\"}"
                  : "{\"access_token\": \"t"
                      + n
                      + "\", \"expires_in\": 300, \"token_type\": \"Bearer\"}");
        });
    server.createContext(
        "/admin/realms/portal/users",
        exchange -> {
          Integer status = userStatuses.poll();
          answer(exchange, status == null ? 200 : status, status == null ? usersAnswer : "");
        });
    server.start();
    keycloak = new KeycloakAdmin();
    keycloak.configure(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/portal",
        "portal-audit",
        "secret");
  }

  @AfterEach
  void stop() {
    keycloak.close();
    server.stop(0);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private List<UserRepresentation> search() {
    return keycloak.call(
        "a user look-up", "view-users", realm -> realm.users().search("dr.smith", true));
  }

  @Test
  void oneTokenServesCallAfterCall() {
    assertEquals("u-1", search().get(0).getId());
    assertEquals("dr.smith", search().get(0).getUsername());
    assertEquals(1, tokens.get());
  }

  @Test
  void aTokenKeycloakNoLongerTakesIsRenewedAndTheCallTriedOnceMore() {
    search();
    userStatuses.add(401);
    assertEquals("u-1", search().get(0).getId());
    assertEquals(2, tokens.get(), "a new token after the 401");
  }

  @Test
  void twoRefusalsInARowAreNotTriedAThirdTime() {
    userStatuses.addAll(List.of(401, 401, 401));
    KeycloakAdminException refused = assertThrows(KeycloakAdminException.class, this::search);
    assertTrue(
        refused
            .getMessage()
            .startsWith(
                "Keycloak answered 401 to a user look-up of realm portal at http://127.0.0.1:"),
        refused.getMessage());
    assertEquals(1, userStatuses.size(), "asked twice, not three times");
  }

  @Test
  void aRefusalNamesTheRoleTheServiceAccountLacks() {
    userStatuses.add(403);
    KeycloakAdminException refused = assertThrows(KeycloakAdminException.class, this::search);
    assertTrue(
        refused
            .getMessage()
            .endsWith(": give the service account of portal-audit the role view-users"),
        refused.getMessage());
  }

  @Test
  void aRefusedTokenSaysWhatToCheck() {
    tokenStatus = 401;
    KeycloakAdminException refused = assertThrows(KeycloakAdminException.class, this::search);
    assertTrue(
        refused
            .getMessage()
            .startsWith(
                "Keycloak refused a token to the client portal-audit of realm portal at http://127.0.0.1:"),
        refused.getMessage());
    assertTrue(
        refused.getMessage().contains("(401): check PORTAL_AUDIT_CLIENT_SECRET"),
        refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{}", "not json", "[1]", "[{\"id\": \"a\", \"createdTimestamp\": \"yesterday\"}]"})
  void anAnswerThatIsNotUsersIsRefusedRatherThanSkipped(String json) {
    usersAnswer = json;
    KeycloakAdminException refused = assertThrows(KeycloakAdminException.class, this::search);
    assertTrue(
        refused.getMessage().startsWith("Keycloak's answer to a user look-up of realm portal"),
        refused.getMessage());
  }

  @Test
  void withoutASecretNothingIsAsked() {
    keycloak.configure(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/portal",
        "portal-audit",
        " ");
    assertFalse(keycloak.configured());
    KeycloakAdminException refused = assertThrows(KeycloakAdminException.class, this::search);
    assertTrue(
        refused.getMessage().startsWith("No PORTAL_AUDIT_CLIENT_SECRET"), refused.getMessage());
    assertEquals(0, tokens.get());
  }

  @Test
  void anUnreachableKeycloakIsSaidInOneLineWithoutWaitingLong() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    keycloak.configure("http://127.0.0.1:" + port + "/realms/portal", "portal-audit", "secret");
    long started = System.nanoTime();
    KeycloakAdminException refused = assertThrows(KeycloakAdminException.class, this::search);
    assertTrue(
        refused.getMessage().startsWith("Keycloak cannot be reached (realm portal at http://127.0"),
        refused.getMessage());
    assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
    assertTrue(
        Duration.ofNanos(System.nanoTime() - started).compareTo(KeycloakAdmin.CONNECT_TIMEOUT) < 0);
  }

  @Test
  void theServerAndRealmComeFromTheProviderUrl() {
    assertArrayEquals(
        new String[] {"http://localhost:8180/", "portal"},
        KeycloakAdmin.serverAndRealm("http://localhost:8180/realms/portal"));
    assertArrayEquals(
        new String[] {"https://sso.hospital.org/auth/", "portal"},
        KeycloakAdmin.serverAndRealm("https://sso.hospital.org/auth/realms/portal/"));
    assertThrows(
        IllegalStateException.class,
        () -> KeycloakAdmin.serverAndRealm("https://sso.hospital.org/"));
  }
}

package org.patientportal.shared.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * The portal's one client of Keycloak's admin REST API (keycloak-admin-client): the realm of the
 * portal's sign-in, as the confidential client {@code portal-audit} with the client credentials
 * grant. Its service account has only the roles the features ask for (view-users, view-events);
 * each call names the role it needs, so a refusal tells the operator which one is missing. Set
 * with:
 *
 * <ul>
 *   <li>{@code OIDC_PROVIDER_URL} (or {@code oidc.provider-url}): the realm, as for the portal's
 *       sign-in; by default {@code http://localhost:8180/realms/portal};
 *   <li>{@code PORTAL_AUDIT_CLIENT_ID} (or {@code portal.audit.client-id}): {@code portal-audit};
 *   <li>{@code PORTAL_AUDIT_CLIENT_SECRET} (or {@code portal.audit.client-secret}): its secret; the
 *       demo realm's when {@code PORTAL_DEMO_DATA=true}, otherwise nothing is asked without it.
 * </ul>
 *
 * The token is kept and renewed by the library 30 s before it ends; a 401 (Keycloak restarted, the
 * token revoked) makes the library drop it, and the call is tried once more with a new one. Every
 * call has a time limit, so an unreachable Keycloak costs seconds, not a thread. The JAX-RS client
 * is WildFly's RESTEasy with Keycloak's Jackson provider registered explicitly (not the JSON-B one
 * RESTEasy would otherwise pick for {@code application/json}).
 */
@ApplicationScoped
public class KeycloakAdmin {

  /** The demo realm's secret of portal-audit (realm-config/src/main/demo), never production's. */
  static final String DEMO_SECRET = "demo-portal-audit-secret-not-for-production";

  public static final String DEFAULT_PROVIDER = "http://localhost:8180/realms/portal";
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  @Inject
  @ConfigProperty(name = "oidc.provider-url", defaultValue = DEFAULT_PROVIDER)
  String providerUrlSetting;

  @Inject
  @ConfigProperty(name = "portal.audit.client-id", defaultValue = "portal-audit")
  String clientIdSetting;

  @Inject
  @ConfigProperty(name = "portal.audit.client-secret")
  Optional<String> clientSecretSetting;

  @Inject
  @ConfigProperty(name = "portal.demo-data", defaultValue = "false")
  boolean demo;

  private String server;
  private String realm;
  private String clientId;
  private String secret;
  private String secretVariable = "PORTAL_AUDIT_CLIENT_SECRET";
  private Keycloak keycloak;

  @PostConstruct
  void configure() {
    configure(
        providerUrlSetting, clientIdSetting, clientSecretSetting.orElse(demo ? DEMO_SECRET : null));
  }

  /**
   * Asks the realm at {@code providerUrl} as {@code clientId} with {@code clientSecret}, whose
   * setting the operator knows as {@code secretVariable} (named in refusals).
   */
  public void configure(
      String providerUrl, String clientId, String clientSecret, String secretVariable) {
    this.secretVariable = secretVariable;
    configure(providerUrl, clientId, clientSecret);
  }

  /** Asks the realm at {@code providerUrl} as {@code clientId} with {@code clientSecret}. */
  public void configure(String providerUrl, String clientId, String clientSecret) {
    String[] serverAndRealm = serverAndRealm(providerUrl);
    this.server = serverAndRealm[0];
    this.realm = serverAndRealm[1];
    this.clientId = clientId;
    this.secret = clientSecret;
    close();
    if (configured()) {
      Client client =
          ClientBuilder.newBuilder()
              .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .readTimeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .register(new JacksonProvider(), 100)
              .build();
      keycloak =
          KeycloakBuilder.builder()
              .serverUrl(server)
              .realm(realm)
              .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
              .clientId(clientId)
              .clientSecret(clientSecret)
              .resteasyClient(client)
              .build();
    }
  }

  @PreDestroy
  void close() {
    if (keycloak != null) {
      keycloak.close();
      keycloak = null;
    }
  }

  /** Whether there is a client secret to ask Keycloak with. */
  public boolean configured() {
    return secret != null && !secret.isBlank();
  }

  public String realm() {
    return realm;
  }

  /** Where the answers come from, for the log: the realm and the server. */
  public String describe() {
    return "realm " + realm + " at " + server;
  }

  /**
   * The answer of {@code request} to the portal's realm. One call at a time (the library's default
   * connection is not shared between threads; the calls are rare administrative ones).
   *
   * @param what what is asked, for the operator: "the request for events"
   * @param role the realm-management role the service account needs for it: "view-events"
   * @throws KeycloakAdminException when there is no secret, Keycloak cannot be reached, refuses the
   *     token or the request, or answers with something unreadable; the message says which
   */
  public synchronized <T> T call(String what, String role, Function<RealmResource, T> request) {
    if (!configured()) {
      throw new KeycloakAdminException(
          "No " + secretVariable + ": the portal cannot make " + what + " of " + describe());
    }
    try {
      token();
      try {
        return request.apply(keycloak.realm(realm));
      } catch (NotAuthorizedException e) {
        // the token ended early (Keycloak restarted, a session limit): the library dropped it
        token();
        return request.apply(keycloak.realm(realm));
      }
    } catch (ForbiddenException e) {
      throw new KeycloakAdminException(
          "Keycloak answered 403 to "
              + what
              + " of "
              + describe()
              + ": give the service account of "
              + clientId
              + " the role "
              + role);
    } catch (WebApplicationException e) {
      throw new KeycloakAdminException(
          "Keycloak answered " + e.getResponse().getStatus() + " to " + what + " of " + describe());
    } catch (ProcessingException e) {
      throw unreachableOr(
          e, "Keycloak's answer to " + what + " of " + describe() + " is unreadable");
    }
  }

  private void token() {
    try {
      keycloak.tokenManager().getAccessTokenString();
    } catch (WebApplicationException e) {
      throw new KeycloakAdminException(
          "Keycloak refused a token to the client "
              + clientId
              + " of "
              + describe()
              + " ("
              + e.getResponse().getStatus()
              + "): check "
              + secretVariable
              + " and that the client has a service account");
    } catch (ProcessingException e) {
      throw unreachableOr(e, "Keycloak's token answer for " + clientId + " could not be read");
    }
  }

  /** A failure to connect or a time-out said as such, in one line; else {@code otherwise}. */
  private KeycloakAdminException unreachableOr(ProcessingException e, String otherwise) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException io && !(cause.getClass().getName().contains("jackson"))) {
        String message = io.getMessage() == null ? "" : " " + io.getMessage();
        return new KeycloakAdminException(
            ("Keycloak cannot be reached (" + describe() + "): " + io.getClass().getSimpleName())
                + message.replaceAll("\\s+", " "));
      }
    }
    return new KeycloakAdminException(otherwise + ": " + e.getClass().getSimpleName());
  }

  /**
   * The Keycloak server and the realm of an OIDC provider URL ({@code <server>/realms/<realm>}).
   */
  public static String[] serverAndRealm(String providerUrl) {
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
}

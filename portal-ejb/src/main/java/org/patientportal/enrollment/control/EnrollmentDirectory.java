package org.patientportal.enrollment.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.patientportal.enrollment.entity.EnrollmentCode;
import org.patientportal.shared.control.KeycloakAdmin;
import org.patientportal.shared.control.KeycloakAdminException;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.UnavailableException;

/**
 * Creates the Keycloak account of a person who enrolls, over the admin REST API as the realm's
 * {@code portal-enrollment} client, whose service account may only manage and view users: the
 * account (username = the email address, the registration's names, not yet verified, required
 * actions VERIFY_EMAIL and UPDATE_PASSWORD), its realm role, and Keycloak's email with the link
 * that verifies the address and sets the password. Set with {@code PORTAL_ENROLLMENT_CLIENT_ID}
 * ({@code portal-enrollment}) and {@code PORTAL_ENROLLMENT_CLIENT_SECRET}; without the secret
 * nobody can enroll (503).
 */
@ApplicationScoped
public class EnrollmentDirectory {

  private static final Logger LOG = Logger.getLogger(EnrollmentDirectory.class.getName());
  private static final String UNAVAILABLE = "{enrollment.unavailable}";

  static final List<String> ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD");

  /** How long Keycloak's link in the email works: three days. */
  static final int LINK_LIFESPAN_SECONDS = 3 * 24 * 3600;

  @Inject
  @ConfigProperty(name = "oidc.provider-url", defaultValue = KeycloakAdmin.DEFAULT_PROVIDER)
  String providerUrl;

  @Inject
  @ConfigProperty(name = "portal.enrollment.client-id", defaultValue = "portal-enrollment")
  String clientId;

  @Inject
  @ConfigProperty(name = "portal.enrollment.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "portal.base-url", defaultValue = "https://localhost:8443/portal")
  String baseUrl;

  private final KeycloakAdmin keycloak = new KeycloakAdmin();

  @PostConstruct
  void configure() {
    keycloak.configure(
        providerUrl, clientId, clientSecret.orElse(null), "PORTAL_ENROLLMENT_CLIENT_SECRET");
  }

  @PreDestroy
  void close() {
    keycloak.configure(providerUrl, clientId, null);
  }

  /**
   * Creates the account of the registration {@code code} with {@code role}, and has Keycloak send
   * its email; returns the username.
   *
   * @throws ConflictException when Keycloak has an account with that username or email already
   * @throws UnavailableException when Keycloak cannot be asked, or refuses
   */
  public String createAccount(EnrollmentCode code, String role) {
    String username = code.getEmail();
    UserRepresentation user = new UserRepresentation();
    user.setUsername(username);
    user.setEmail(code.getEmail());
    user.setFirstName(code.getFirstName());
    user.setLastName(code.getLastName());
    user.setEnabled(true);
    user.setEmailVerified(false);
    user.setRequiredActions(ACTIONS);
    String id;
    try {
      id =
          keycloak.call(
              "an account's creation",
              "manage-users",
              realm -> {
                try (Response created = realm.users().create(user)) {
                  if (created.getStatus() == 409) {
                    return null;
                  }
                  if (created.getStatus() != 201) {
                    throw new KeycloakAdminException(
                        "Keycloak answered "
                            + created.getStatus()
                            + " to an account's creation in "
                            + keycloak.describe());
                  }
                  String path = created.getLocation().getPath();
                  return path.substring(path.lastIndexOf('/') + 1);
                }
              });
    } catch (KeycloakAdminException e) {
      LOG.warning(e.getMessage());
      throw new UnavailableException(UNAVAILABLE);
    }
    if (id == null) {
      throw new ConflictException("account-exists", "{enrollment.account.exists}");
    }
    try {
      keycloak.call(
          "a new account's role and email",
          "manage-users",
          realm -> {
            grant(realm, id, role);
            realm
                .users()
                .get(id)
                .executeActionsEmail("portal-web", redirect(), LINK_LIFESPAN_SECONDS, ACTIONS);
            return null;
          });
    } catch (KeycloakAdminException | IllegalStateException e) {
      LOG.warning(e.getMessage());
      delete(id);
      throw new UnavailableException(UNAVAILABLE);
    }
    return username;
  }

  /** Removes an account this class created, when the enrollment cannot finish. */
  public void delete(String id) {
    try {
      keycloak.call(
          "an unfinished account's removal",
          "manage-users",
          realm -> {
            try (Response gone = realm.users().delete(id)) {
              return gone.getStatus();
            }
          });
    } catch (KeycloakAdminException e) {
      LOG.warning(
          "An account created for an enrollment that did not finish is left in Keycloak (id "
              + id
              + "): "
              + e.getMessage());
    }
  }

  private static void grant(RealmResource realm, String id, String role) {
    UserResource user = realm.users().get(id);
    RoleRepresentation found =
        user.roles().realmLevel().listAvailable().stream()
            .filter(r -> role.equals(r.getName()))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("The realm has no role " + role + " to give"));
    user.roles().realmLevel().add(List.of(found));
  }

  private String redirect() {
    String base = baseUrl.strip();
    return base.endsWith("/") ? base : base + "/";
  }
}

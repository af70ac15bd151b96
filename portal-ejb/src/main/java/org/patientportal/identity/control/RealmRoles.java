package org.patientportal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.patientportal.shared.control.KeycloakAdmin;
import org.patientportal.shared.control.KeycloakAdminException;
import org.patientportal.shared.entity.UnavailableException;

/**
 * The realm roles Keycloak gives a person (with composites), read over its admin REST API by the
 * portal's service account ({@link KeycloakAdmin}), which may view users. Keycloak owns the roles;
 * the portal keeps no copy, so a role taken away there counts at once. Asked only when an
 * administrator changes a care team or a message is forwarded.
 */
@ApplicationScoped
public class RealmRoles {

  private static final Logger LOG = Logger.getLogger(RealmRoles.class.getName());

  private static final String UNAVAILABLE = "{identity.directory.unavailable}";

  @Inject KeycloakAdmin keycloak;

  /**
   * The realm roles of {@code username} (direct and composite), or empty when Keycloak knows no
   * such user.
   *
   * @throws UnavailableException when Keycloak cannot be asked
   */
  public Optional<Set<String>> of(String username) {
    try {
      return keycloak.call(
          "a user look-up",
          "view-users",
          realm -> {
            String id = null;
            for (UserRepresentation user : realm.users().search(username, true)) {
              if (username.equalsIgnoreCase(user.getUsername())) {
                id = user.getId();
              }
            }
            if (id == null) {
              return Optional.empty();
            }
            Set<String> roles = new HashSet<>();
            for (RoleRepresentation role :
                realm.users().get(id).roles().realmLevel().listEffective()) {
              roles.add(role.getName());
            }
            return Optional.of(roles);
          });
    } catch (KeycloakAdminException e) {
      LOG.warning(e.getMessage());
      throw new UnavailableException(UNAVAILABLE);
    }
  }
}

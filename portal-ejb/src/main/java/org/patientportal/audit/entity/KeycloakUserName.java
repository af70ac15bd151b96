package org.patientportal.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The username last seen with a Keycloak user id, learned from the events that carry both (logins,
 * failed logins of existing users), so that an event that names only the id (a logout) can be
 * recorded under a name an auditor searches for.
 */
@Entity
@Table(name = "keycloak_user_name")
public class KeycloakUserName {

  @Id
  @Column(name = "user_id", length = 64)
  private String userId;

  @Column(nullable = false, length = 64)
  private String username;

  protected KeycloakUserName() {
    // for JPA
  }

  public KeycloakUserName(String userId, String username) {
    if (userId == null || userId.isBlank() || userId.length() > 64) {
      throw new IllegalArgumentException("a user id of 1 to 64 characters");
    }
    this.userId = userId;
    rename(username);
  }

  public final void rename(String username) {
    if (username == null || username.isBlank() || username.length() > 64) {
      throw new IllegalArgumentException("a username of 1 to 64 characters");
    }
    this.username = username;
  }

  public String getUserId() {
    return userId;
  }

  public String getUsername() {
    return username;
  }
}

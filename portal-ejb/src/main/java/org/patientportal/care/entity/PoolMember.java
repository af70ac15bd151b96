package org.patientportal.care.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** A person who works a pool, and in what role. */
@Embeddable
public class PoolMember {

  @Column(nullable = false, length = 64)
  private String username;

  @Enumerated(EnumType.STRING)
  @Column(name = "member_role", nullable = false, length = 16)
  private PoolRole role;

  protected PoolMember() {
    // for JPA
  }

  public PoolMember(String username, PoolRole role) {
    this.username = Objects.requireNonNull(username, "username");
    this.role = Objects.requireNonNull(role, "role");
  }

  public String getUsername() {
    return username;
  }

  public PoolRole getRole() {
    return role;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PoolMember m && username.equals(m.username);
  }

  @Override
  public int hashCode() {
    return username.hashCode();
  }
}

package org.patientportal.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far the import of one realm's sign-in events has come: the time of the newest event imported.
 * It only says where the next import starts looking; whether an event is already in the access log
 * is decided by its id. It moves in the transaction that records the events, under a row lock.
 */
@Entity
@Table(name = "keycloak_event_cursor")
public class KeycloakEventCursor {

  @Id
  @Column(length = 64)
  private String realm;

  @Column(name = "imported_to", nullable = false)
  private Instant importedTo;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  protected KeycloakEventCursor() {
    // for JPA
  }

  /** A realm from which nothing was imported yet. */
  public KeycloakEventCursor(String realm, Instant now) {
    if (realm == null || realm.isBlank() || realm.length() > 64) {
      throw new IllegalArgumentException("a realm name of 1 to 64 characters");
    }
    this.realm = realm;
    this.importedTo = Instant.EPOCH;
    this.importedAt = Objects.requireNonNull(now, "now");
  }

  /** Records that the events up to {@code newest} were imported; it never moves back. */
  public void advance(Instant newest, Instant now) {
    if (newest.isAfter(importedTo)) {
      importedTo = newest;
    }
    importedAt = now;
  }

  /**
   * Where the next import starts: {@code margin} before the newest event imported, because Keycloak
   * stores an event when the request that made it ends, so one stamped a little earlier may appear
   * after a later one was read; null when nothing was imported yet (everything Keycloak still
   * keeps).
   */
  public Instant resumeFrom(Duration margin) {
    return importedTo.equals(Instant.EPOCH) ? null : importedTo.minus(margin);
  }

  public String getRealm() {
    return realm;
  }

  public Instant getImportedTo() {
    return importedTo;
  }

  public Instant getImportedAt() {
    return importedAt;
  }
}

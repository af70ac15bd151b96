package org.patientportal.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the access log. Immutable once written: it has no setters and every column is
 * insert-only.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  static final int MAX_TEXT = 255;
  static final int MAX_NAME = 64;
  static final int MAX_ROLE = 16;
  static final int MAX_ADDRESS = 64;
  static final int MAX_USER_AGENT = 512;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  @Column(updatable = false)
  private Long seq;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant at;

  @Column(nullable = false, updatable = false, length = MAX_NAME)
  private String actor;

  @Column(name = "actor_role", updatable = false, length = MAX_ROLE)
  private String actorRole;

  @Column(name = "on_behalf_of", updatable = false, length = MAX_NAME)
  private String onBehalfOf;

  @Column(updatable = false, length = MAX_NAME)
  private String patient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private AuditAction action;

  @Column(updatable = false, length = MAX_TEXT)
  private String resource;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private AuditOutcome outcome;

  @Column(name = "client_address", nullable = false, updatable = false, length = MAX_ADDRESS)
  private String clientAddress;

  @Column(name = "user_agent", updatable = false, length = MAX_USER_AGENT)
  private String userAgent;

  /** Its place in the hash chain; null until the sealer has chained it (within seconds). */
  @Column(name = "chain_position", insertable = false, updatable = false)
  private Long chainPosition;

  @Column(name = "chain_hash", insertable = false, updatable = false)
  private byte[] chainHash;

  protected AuditEntry() {
    // for JPA
  }

  public AuditEntry(
      Instant at,
      String actor,
      String onBehalfOf,
      String patient,
      AuditAction action,
      String resource,
      AuditOutcome outcome,
      String clientAddress,
      String userAgent) {
    this.at = Objects.requireNonNull(at, "at");
    this.actor = clip(required(actor, "actor"), MAX_NAME);
    this.onBehalfOf = clip(onBehalfOf, MAX_NAME);
    this.patient = clip(patient, MAX_NAME);
    this.action = Objects.requireNonNull(action, "action");
    this.resource = clip(resource, MAX_TEXT);
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.clientAddress = clip(required(clientAddress, "clientAddress"), MAX_ADDRESS);
    this.userAgent = clip(userAgent, MAX_USER_AGENT);
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required in an audit entry");
    }
    return value;
  }

  /**
   * {@code text} cut to its column's size, so that an entry about a request with absurd parameters
   * (a refused search for a 5,000-character patient) is still written rather than failing the
   * request. A cut never splits a surrogate pair.
   */
  static String clip(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  public Long getSeq() {
    return seq;
  }

  public Instant getAt() {
    return at;
  }

  /** The role the actor acted in; null for entries from before roles were recorded. */
  public String getActorRole() {
    return actorRole;
  }

  /** Records the role the actor acted in (set once, before the entry is stored). */
  public AuditEntry actingAs(String role) {
    this.actorRole = clip(role, MAX_ROLE);
    return this;
  }

  public String getActor() {
    return actor;
  }

  public String getOnBehalfOf() {
    return onBehalfOf;
  }

  public String getPatient() {
    return patient;
  }

  public AuditAction getAction() {
    return action;
  }

  public String getResource() {
    return resource;
  }

  public AuditOutcome getOutcome() {
    return outcome;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public Long getChainPosition() {
    return chainPosition;
  }

  /** The chain hash in hexadecimal; null until chained. */
  public String getChainHash() {
    return chainHash == null ? null : java.util.HexFormat.of().formatHex(chainHash);
  }

  public String getUserAgent() {
    return userAgent;
  }
}

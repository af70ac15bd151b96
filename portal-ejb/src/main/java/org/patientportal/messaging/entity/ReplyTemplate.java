package org.patientportal.messaging.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import org.patientportal.crypto.entity.Sealed;

/**
 * A quick reply a clinician or staff member inserts into a reply: their own, or their team's (with
 * a pool). Title and text are sealed at rest like message bodies, each bound to the template's id.
 */
@Entity
@Table(name = "reply_template")
@NamedQuery(
    name = ReplyTemplate.VISIBLE_TO,
    query =
        "select t from ReplyTemplate t where (t.owner = :me and t.pool is null)"
            + " or t.pool in :pools order by t.id")
public class ReplyTemplate {

  public static final String VISIBLE_TO = "ReplyTemplate.visibleTo";
  public static final int MAX_TITLE = 100;
  public static final int MAX_TEXT = 4000;

  @Id private Long id;

  @Column(nullable = false, updatable = false, length = 64)
  private String owner;

  @Column(name = "pool_code", updatable = false, length = 64)
  private String pool;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "title_ciphertext"))
  @AttributeOverride(name = "nonce", column = @Column(name = "title_nonce"))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "title_wrapped_key"))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "title_key_version"))
  private Sealed title;

  @Embedded
  @AttributeOverride(name = "ciphertext", column = @Column(name = "text_ciphertext"))
  @AttributeOverride(name = "nonce", column = @Column(name = "text_nonce"))
  @AttributeOverride(name = "wrappedKey", column = @Column(name = "text_wrapped_key"))
  @AttributeOverride(name = "keyVersion", column = @Column(name = "text_key_version"))
  private Sealed text;

  protected ReplyTemplate() {
    // for JPA
  }

  /** A template with its id (from {@code Ids}, "reply_template_seq"), title and text sealed. */
  public ReplyTemplate(
      long id, String owner, String pool, Instant createdAt, Sealed title, Sealed text) {
    this.id = id;
    this.owner = Objects.requireNonNull(owner, "owner");
    this.pool = pool;
    this.createdAt = Objects.requireNonNull(createdAt, "created at");
    this.title = Objects.requireNonNull(title, "title");
    this.text = Objects.requireNonNull(text, "text");
  }

  public static String titleOwner(long id) {
    return "template/" + id + "/title";
  }

  public static String textOwner(long id) {
    return "template/" + id + "/text";
  }

  /** Whether {@code who}, working {@code pools}, may use it: their own, or their team's. */
  public boolean usableBy(String who, Collection<String> pools) {
    return pool == null ? owner.equals(who) : pools.contains(pool);
  }

  /** Whether {@code who} may delete it: its author (a team's template too). */
  public boolean deletableBy(String who) {
    return owner.equals(who);
  }

  public Long getId() {
    return id;
  }

  public String getOwner() {
    return owner;
  }

  public String getPool() {
    return pool;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Sealed getTitle() {
    return title;
  }

  public Sealed getText() {
    return text;
  }
}

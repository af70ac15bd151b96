package org.patientportal.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The record of the email of one idempotency key: claimed ({@link State#SENDING}) by the attempt
 * that is handing it to the SMTP server, then {@link State#SENT}. Written only by the named queries
 * here, each in a short transaction of its own (see {@code MailDelivery} for the steps and why each
 * crash point is safe):
 *
 * <ul>
 *   <li>{@link #CLAIM}: an insert that does nothing if the key is there, and that waits while
 *       another transaction inserts the same key, then does nothing if that one committed. So of
 *       two attempts at a new key, however close, exactly one owns it.
 *   <li>{@link #RECLAIM}: takes over a SENDING claim older than the lease (its attempt crashed
 *       mid-send). A conditional update: of two attempts, the second waits for the first's row lock
 *       and then finds the claim fresh, so updates nothing.
 *   <li>{@link #MARK_SENT} and {@link #RELEASE}: the end of an attempt, sent or failed.
 * </ul>
 */
@Entity
@Table(name = "email_delivery")
@NamedNativeQuery(
    name = EmailDelivery.CLAIM,
    query =
        "insert into email_delivery"
            + " (idempotency_key, recipient, template, delivered_at, state, attempt)"
            + " values (?1, ?2, ?3, ?4, 'SENDING', ?5) on conflict do nothing")
@NamedNativeQuery(
    name = EmailDelivery.RECLAIM,
    query =
        "update email_delivery set delivered_at = ?2, attempt = ?3"
            + " where idempotency_key = ?1 and state = 'SENDING' and delivered_at < ?4")
@NamedNativeQuery(
    name = EmailDelivery.MARK_SENT,
    query =
        "update email_delivery set state = 'SENT', delivered_at = ?2, attempt = null"
            + " where idempotency_key = ?1")
@NamedNativeQuery(
    name = EmailDelivery.RELEASE,
    query =
        "delete from email_delivery"
            + " where idempotency_key = ?1 and attempt = ?2 and state = 'SENDING'")
public class EmailDelivery {

  /**
   * Claims a new key as SENDING: parameters key, recipient, template name, time, attempt id;
   * inserts one row if this attempt now owns the key, none if the key is there (SENDING or SENT).
   */
  public static final String CLAIM = "EmailDelivery.claim";

  /**
   * Takes over a stale SENDING claim: parameters key, time, attempt id, claims made before this are
   * stale; updates one row if this attempt now owns the key, none otherwise.
   */
  public static final String RECLAIM = "EmailDelivery.reclaim";

  /** The SMTP server took the email: parameters key, time. */
  public static final String MARK_SENT = "EmailDelivery.markSent";

  /**
   * The SMTP server did not take it: removes this attempt's claim, so that the next attempt sends.
   * Parameters key, attempt id.
   */
  public static final String RELEASE = "EmailDelivery.release";

  /** Where the email of a key is. */
  public enum State {
    /**
     * An attempt claimed the key and is handing the email to the SMTP server, or crashed doing so.
     */
    SENDING,
    /** The SMTP server took the email. */
    SENT
  }

  @Id
  @Column(name = "idempotency_key", updatable = false, length = EmailItem.MAX_KEY)
  private String idempotencyKey;

  @Column(nullable = false, updatable = false, length = EmailItem.MAX_ADDRESS)
  private String recipient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private EmailTemplate template;

  /** The time of the claim while SENDING, the time the SMTP server took the email once SENT. */
  @Column(name = "delivered_at", nullable = false)
  private Instant deliveredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private State state;

  /** The attempt holding a SENDING claim (null once SENT). */
  @Column(length = 36)
  private String attempt;

  protected EmailDelivery() {
    // for JPA
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getRecipient() {
    return recipient;
  }

  public EmailTemplate getTemplate() {
    return template;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public State getState() {
    return state;
  }

  public String getAttempt() {
    return attempt;
  }
}

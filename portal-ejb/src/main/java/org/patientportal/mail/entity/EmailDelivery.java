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
 * The record that the email of one idempotency key was handed to the SMTP server. It is written
 * only by {@link #CLAIM}, in the transaction that sends the email, before sending: an insert that
 * does nothing if the key is there, and that waits while another transaction holds the same key,
 * then does nothing if that one committed. So of two deliveries of one item, however close, exactly
 * one sends, and neither fails. Immutable.
 */
@Entity
@Table(name = "email_delivery")
@NamedNativeQuery(
    name = EmailDelivery.CLAIM,
    query =
        "insert into email_delivery (idempotency_key, recipient, template, delivered_at)"
            + " values (?1, ?2, ?3, ?4) on conflict do nothing")
public class EmailDelivery {

  /**
   * Records a key unless it is recorded: parameters key, recipient, template name, time; updates
   * one row if this transaction now owns the key, none if it was delivered.
   */
  public static final String CLAIM = "EmailDelivery.claim";

  @Id
  @Column(name = "idempotency_key", updatable = false, length = EmailItem.MAX_KEY)
  private String idempotencyKey;

  @Column(nullable = false, updatable = false, length = EmailItem.MAX_ADDRESS)
  private String recipient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private EmailTemplate template;

  @Column(name = "delivered_at", nullable = false, updatable = false)
  private Instant deliveredAt;

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
}

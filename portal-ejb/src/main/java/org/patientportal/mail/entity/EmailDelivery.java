package org.patientportal.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * The record that the email of one idempotency key was handed to the SMTP server. Written in the
 * transaction that sends it, so an item redelivered after that commit finds it and sends nothing.
 * Immutable.
 */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery {

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

  public EmailDelivery(EmailItem item, Instant deliveredAt) {
    this.idempotencyKey = item.idempotencyKey();
    this.recipient = item.recipient();
    this.template = item.template();
    this.deliveredAt = Objects.requireNonNull(deliveredAt, "deliveredAt");
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

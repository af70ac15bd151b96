package org.patientportal.messaging.entity;

import java.time.Instant;
import java.util.List;

/** A message as its reader sees it, body opened; receipts only on the reader's own messages. */
public class MessageDetail {

  private final long id;
  private final String author;
  private final String authorName;
  private final Instant sentAt;
  private final String body;
  private final boolean readReceipt;
  private final List<AttachmentDetail> attachments;
  private final List<ReceiptDetail> receipts;

  public MessageDetail(
      long id,
      String author,
      String authorName,
      Instant sentAt,
      String body,
      boolean readReceipt,
      List<AttachmentDetail> attachments,
      List<ReceiptDetail> receipts) {
    this.id = id;
    this.author = author;
    this.authorName = authorName;
    this.sentAt = sentAt;
    this.body = body;
    this.readReceipt = readReceipt;
    this.attachments = List.copyOf(attachments);
    this.receipts = List.copyOf(receipts);
  }

  public long getId() {
    return id;
  }

  public String getAuthor() {
    return author;
  }

  public String getAuthorName() {
    return authorName;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getBody() {
    return body;
  }

  public boolean isReadReceipt() {
    return readReceipt;
  }

  public List<AttachmentDetail> getAttachments() {
    return attachments;
  }

  public List<ReceiptDetail> getReceipts() {
    return receipts;
  }

  private String onBehalfOf;
  private String onBehalfOfName;

  /** The message was written by a caregiver for this patient ("Chris Jones for Pat Jones"). */
  public MessageDetail writtenFor(String patient, String patientName) {
    this.onBehalfOf = patient;
    this.onBehalfOfName = patientName;
    return this;
  }

  public String getOnBehalfOf() {
    return onBehalfOf;
  }

  public String getOnBehalfOfName() {
    return onBehalfOfName;
  }
}

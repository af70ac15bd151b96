package org.patientportal.messaging.entity;

import java.time.Instant;

/** Who read a message that asked for a read receipt, and when. */
public class ReceiptDetail {

  private final long messageId;
  private final String reader;
  private final String readerName;
  private final Instant readAt;

  public ReceiptDetail(long messageId, String reader, String readerName, Instant readAt) {
    this.messageId = messageId;
    this.reader = reader;
    this.readerName = readerName;
    this.readAt = readAt;
  }

  public long getMessageId() {
    return messageId;
  }

  public String getReader() {
    return reader;
  }

  public String getReaderName() {
    return readerName;
  }

  public Instant getReadAt() {
    return readAt;
  }
}

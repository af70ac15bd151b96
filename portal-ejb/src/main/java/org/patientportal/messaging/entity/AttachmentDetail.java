package org.patientportal.messaging.entity;

/** An attachment as a thread shows it: name, detected type and size, not the content. */
public class AttachmentDetail {

  private final long id;
  private final String filename;
  private final String contentType;
  private final long sizeBytes;

  public AttachmentDetail(long id, String filename, String contentType, long sizeBytes) {
    this.id = id;
    this.filename = filename;
    this.contentType = contentType;
    this.sizeBytes = sizeBytes;
  }

  public long getId() {
    return id;
  }

  public String getFilename() {
    return filename;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }
}

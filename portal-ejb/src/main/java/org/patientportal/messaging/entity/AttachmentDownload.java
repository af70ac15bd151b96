package org.patientportal.messaging.entity;

/** An attachment's opened content, for one download. */
public class AttachmentDownload {

  private final String filename;
  private final String contentType;
  private final byte[] content;

  public AttachmentDownload(String filename, String contentType, byte[] content) {
    this.filename = filename;
    this.contentType = contentType;
    this.content = content;
  }

  public String getFilename() {
    return filename;
  }

  public String getContentType() {
    return contentType;
  }

  public byte[] content() {
    return content;
  }
}

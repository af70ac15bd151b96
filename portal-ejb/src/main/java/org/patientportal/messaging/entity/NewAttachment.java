package org.patientportal.messaging.entity;

import java.util.Objects;

/** A file someone wants to attach: the name they gave it and its bytes, not yet checked. */
public class NewAttachment {

  private final String filename;
  private final byte[] content;

  public NewAttachment(String filename, byte[] content) {
    this.filename = filename;
    this.content = Objects.requireNonNull(content, "content");
  }

  public String getFilename() {
    return filename;
  }

  public byte[] content() {
    return content;
  }
}

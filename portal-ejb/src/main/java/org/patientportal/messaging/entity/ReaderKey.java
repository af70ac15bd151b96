package org.patientportal.messaging.entity;

import java.io.Serializable;
import java.util.Objects;

/** The key of a per-reader row: a thread's or a message's id, and the reader. */
public class ReaderKey implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long id;
  private String reader;

  protected ReaderKey() {
    // for JPA
  }

  public ReaderKey(Long id, String reader) {
    this.id = id;
    this.reader = reader;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReaderKey k && Objects.equals(id, k.id) && Objects.equals(reader, k.reader);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, reader);
  }
}

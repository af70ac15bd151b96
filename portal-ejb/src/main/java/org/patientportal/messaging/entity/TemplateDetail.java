package org.patientportal.messaging.entity;

/** A quick-reply template as its users see it, opened. */
public class TemplateDetail {

  private final long id;
  private final String title;
  private final String text;
  private final String pool;
  private final String owner;
  private final boolean deletable;

  public TemplateDetail(
      long id, String title, String text, String pool, String owner, boolean deletable) {
    this.id = id;
    this.title = title;
    this.text = text;
    this.pool = pool;
    this.owner = owner;
    this.deletable = deletable;
  }

  public long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getText() {
    return text;
  }

  /** The pool whose team shares it, or null for a personal one. */
  public String getPool() {
    return pool;
  }

  public String getOwner() {
    return owner;
  }

  /** Whether the reader may delete it (its author). */
  public boolean isDeletable() {
    return deletable;
  }
}

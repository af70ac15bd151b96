package org.patientportal.messaging.entity;

/**
 * What a clinician's work queue shows: a category (or all), only unread threads, done threads too,
 * and oldest or newest first. Oldest first is the default: the longest wait comes first.
 */
public class QueueFilter {

  private Category category;
  private boolean unreadOnly;
  private boolean includeDone;
  private boolean newestFirst;

  public Category getCategory() {
    return category;
  }

  public void setCategory(Category category) {
    this.category = category;
  }

  public boolean isUnreadOnly() {
    return unreadOnly;
  }

  public void setUnreadOnly(boolean unreadOnly) {
    this.unreadOnly = unreadOnly;
  }

  public boolean isIncludeDone() {
    return includeDone;
  }

  public void setIncludeDone(boolean includeDone) {
    this.includeDone = includeDone;
  }

  public boolean isNewestFirst() {
    return newestFirst;
  }

  public void setNewestFirst(boolean newestFirst) {
    this.newestFirst = newestFirst;
  }
}

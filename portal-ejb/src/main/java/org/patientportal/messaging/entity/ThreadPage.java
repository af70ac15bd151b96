package org.patientportal.messaging.entity;

import java.util.List;

/**
 * One page of an inbox or a work queue, in the list's order, and where the next page starts (null
 * when this is the last). Nothing counts the threads of the whole list.
 */
public class ThreadPage {

  private final List<ThreadSummary> threads;
  private final ThreadCursor next;

  public ThreadPage(List<ThreadSummary> threads, ThreadCursor next) {
    this.threads = List.copyOf(threads);
    this.next = next;
  }

  public List<ThreadSummary> getThreads() {
    return threads;
  }

  /** The cursor of the next page, or null. */
  public ThreadCursor getNext() {
    return next;
  }

  public boolean isMore() {
    return next != null;
  }
}

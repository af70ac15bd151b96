package org.patientportal.messaging.control;

import org.patientportal.messaging.entity.MessageThread;

/**
 * A thread as a list query returns it: with how far the reader has read it (null: not at all) and
 * the latest message when they archived it (null: never, or unarchived).
 */
public record ThreadRow(MessageThread thread, Long readThroughId, Long archivedThroughId) {

  public ThreadRow(MessageThread thread, Long readThroughId) {
    this(thread, readThroughId, null);
  }

  /** Whether the reader archived the thread and no message has come since. */
  public boolean archived() {
    return archivedThroughId != null
        && thread.getLastMessageId() != null
        && archivedThroughId >= thread.getLastMessageId();
  }
}

package org.patientportal.messaging.entity;

import java.util.List;

/**
 * An opened thread: its summary and its messages in order. What the reader may do with it (reply,
 * mark done) is given too, so views show only what the boundary would allow.
 */
public class ThreadDetail {

  private final ThreadSummary summary;
  private final List<MessageDetail> messages;
  private final boolean careTeamSide;

  public ThreadDetail(ThreadSummary summary, List<MessageDetail> messages, boolean careTeamSide) {
    this.summary = summary;
    this.messages = List.copyOf(messages);
    this.careTeamSide = careTeamSide;
  }

  public ThreadSummary getSummary() {
    return summary;
  }

  public List<MessageDetail> getMessages() {
    return messages;
  }

  /** Whether the reader is on the care team's side (may mark it done). */
  public boolean isCareTeamSide() {
    return careTeamSide;
  }
}

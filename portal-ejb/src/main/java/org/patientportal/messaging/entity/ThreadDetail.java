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
  private List<ThreadHistoryLine> history = List.of();
  private List<TeamMember> team = List.of();
  private boolean lead;

  public ThreadDetail(ThreadSummary summary, List<MessageDetail> messages, boolean careTeamSide) {
    this.summary = summary;
    this.messages = List.copyOf(messages);
    this.careTeamSide = careTeamSide;
  }

  /** A member of the thread's team, whom it may be assigned to. */
  public record TeamMember(String username, String displayName, String role) {
    public String getUsername() {
      return username;
    }

    public String getDisplayName() {
      return displayName;
    }

    public String getRole() {
      return role;
    }
  }

  /**
   * Adds the history of handling, the team (care team side only) and whether the reader leads it.
   */
  public ThreadDetail handling(
      List<ThreadHistoryLine> history, List<TeamMember> team, boolean lead) {
    this.history = List.copyOf(history);
    this.team = List.copyOf(team);
    this.lead = lead;
    return this;
  }

  public List<ThreadHistoryLine> getHistory() {
    return history;
  }

  /** The members of the thread's team (empty for the patient's side). */
  public List<TeamMember> getTeam() {
    return team;
  }

  /** Whether the reader leads the thread's team (may take it from a colleague). */
  public boolean isLead() {
    return lead;
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

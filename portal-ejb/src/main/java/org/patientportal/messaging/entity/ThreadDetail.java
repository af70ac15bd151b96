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
  private List<ForwardNote> forwards = List.of();

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

  /** Adds the thread's forwards with their notes (the care team's side only). */
  public ThreadDetail forwards(List<ForwardNote> forwards) {
    this.forwards = List.copyOf(forwards);
    return this;
  }

  /** Whom the thread was forwarded to, by whom, when, with which note (care team side only). */
  public List<ForwardNote> getForwards() {
    return forwards;
  }

  /** A forward of the thread as the care team sees it: with its note. */
  public static final class ForwardNote {
    private final java.time.Instant at;
    private final String by;
    private final String byName;
    private final String to;
    private final String toName;
    private final String note;

    public ForwardNote(
        java.time.Instant at, String by, String byName, String to, String toName, String note) {
      this.at = at;
      this.by = by;
      this.byName = byName;
      this.to = to;
      this.toName = toName;
      this.note = note;
    }

    public java.time.Instant getAt() {
      return at;
    }

    public String getBy() {
      return by;
    }

    public String getByName() {
      return byName;
    }

    /** The recipient's address: a username, or "pool:" and a code. */
    public String getTo() {
      return to;
    }

    public String getToName() {
      return toName;
    }

    public String getNote() {
      return note;
    }
  }
}

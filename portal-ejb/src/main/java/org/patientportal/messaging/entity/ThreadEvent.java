package org.patientportal.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A step of a thread's handling, shown in its history to everyone who reads it: who claimed,
 * released or assigned it, and when it was escalated to the team's lead. Names, never content.
 */
@Entity
@Table(name = "thread_event")
@NamedQuery(
    name = ThreadEvent.OF_THREAD,
    query = "select e from ThreadEvent e where e.threadId = :thread order by e.id")
public class ThreadEvent {

  public static final String OF_THREAD = "ThreadEvent.ofThread";

  /** The actor of what the portal did by itself (an escalation). */
  public static final String PORTAL = "portal";

  /** What happened. */
  public enum Kind {
    /** The actor took the thread. */
    CLAIMED,
    /** The actor let the thread go. */
    RELEASED,
    /** The actor gave the thread to the target. */
    ASSIGNED,
    /** Unclaimed past half its time: escalated to the target, the team's lead. */
    ESCALATED,
    /** Past its due time: escalated to the target, the team's lead. */
    OVERDUE,
    /** The actor moved the request the thread is to the target, a {@link RequestStatus}'s name. */
    STATUS_CHANGED,
    /** The actor forwarded the thread to the target (a username, or "pool:" and a code). */
    FORWARDED,
    /** The actor filed the thread (or messages of it) into the patient's medical record. */
    FILED,
    /** The actor opened a done thread again (the care team, or the patient by writing in it). */
    REOPENED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "thread_event_seq")
  @SequenceGenerator(
      name = "thread_event_seq",
      sequenceName = "thread_event_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "thread_id", nullable = false, updatable = false)
  private long threadId;

  @Column(name = "happened_at", nullable = false, updatable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Kind kind;

  @Column(nullable = false, updatable = false, length = 64)
  private String actor;

  @Column(updatable = false, length = 64)
  private String target;

  protected ThreadEvent() {
    // for JPA
  }

  public ThreadEvent(long threadId, Instant at, Kind kind, String actor, String target) {
    this.threadId = threadId;
    this.at = Objects.requireNonNull(at, "at");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.actor = Objects.requireNonNull(actor, "actor");
    this.target = target;
  }

  public Long getId() {
    return id;
  }

  public long getThreadId() {
    return threadId;
  }

  public Instant getAt() {
    return at;
  }

  public Kind getKind() {
    return kind;
  }

  public String getActor() {
    return actor;
  }

  public String getTarget() {
    return target;
  }
}

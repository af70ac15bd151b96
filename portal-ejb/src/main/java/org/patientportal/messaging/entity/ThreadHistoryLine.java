package org.patientportal.messaging.entity;

import java.time.Instant;

/** A step of a thread's handling as its readers see it: names, never usernames alone. */
public class ThreadHistoryLine {

  private final Instant at;
  private final ThreadEvent.Kind kind;
  private final String actor;
  private final String actorName;
  private final String target;
  private final String targetName;

  public ThreadHistoryLine(
      Instant at,
      ThreadEvent.Kind kind,
      String actor,
      String actorName,
      String target,
      String targetName) {
    this.at = at;
    this.kind = kind;
    this.actor = actor;
    this.actorName = actorName;
    this.target = target;
    this.targetName = targetName;
  }

  public Instant getAt() {
    return at;
  }

  public ThreadEvent.Kind getKind() {
    return kind;
  }

  public String getActor() {
    return actor;
  }

  public String getActorName() {
    return actorName;
  }

  public String getTarget() {
    return target;
  }

  public String getTargetName() {
    return targetName;
  }
}

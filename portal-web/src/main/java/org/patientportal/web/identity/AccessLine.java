package org.patientportal.web.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.patientportal.audit.entity.AccessReportLine;
import org.patientportal.messaging.boundary.ThreadTitles;

/**
 * A line of the patient's access report as the page and the API show it: who (by name and role, or
 * "someone outside your care team" for a refused outsider), what, and the conversation by its
 * subject and the day it began instead of a raw item id.
 */
public class AccessLine implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Instant at;
  private final String actor;
  private final String actorName;
  private final String actorRole;
  private final String action;
  private final String outcome;
  private final String resource;
  private final boolean outsideCareTeam;
  private final ThreadTitles.Title conversation;

  AccessLine(AccessReportLine line, ThreadTitles.Title conversation) {
    this.at = line.getAt();
    this.actor = line.getActor();
    this.actorName = line.getActorName();
    this.actorRole = line.getActorRole();
    this.action = line.getAction().name();
    this.outcome = line.getOutcome().name();
    this.resource = line.getResource();
    this.outsideCareTeam = line.isOutsideCareTeam();
    this.conversation = conversation;
  }

  /** The report's lines, each with the title of its conversation where it is the caller's own. */
  static List<AccessLine> of(List<AccessReportLine> report, ThreadTitles titles) {
    Map<String, ThreadTitles.Title> named =
        report.isEmpty()
            ? Map.of()
            : titles.of(report.stream().map(AccessReportLine::getResource).toList());
    return report.stream().map(l -> new AccessLine(l, named.get(l.getResource()))).toList();
  }

  public Instant getAt() {
    return at;
  }

  /** Null for a refused attempt by someone outside the care team. */
  public String getActor() {
    return actor;
  }

  public String getActorName() {
    return actorName;
  }

  public String getActorRole() {
    return actorRole;
  }

  public String getAction() {
    return action;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getResource() {
    return resource;
  }

  public boolean isOutsideCareTeam() {
    return outsideCareTeam;
  }

  /** The conversation the item belongs to, or null when it cannot be named. */
  public ThreadTitles.Title getConversation() {
    return conversation;
  }
}

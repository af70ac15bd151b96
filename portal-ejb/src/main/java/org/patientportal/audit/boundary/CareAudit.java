package org.patientportal.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.care.boundary.CareChange;

/**
 * Writes every change to care teams and cover to the access log, in the change's own transaction (a
 * synchronous observer): care announces it, the audit feature records it, and care does not depend
 * on audit.
 */
@ApplicationScoped
public class CareAudit {

  @Inject AuditLog log;

  void record(@Observes CareChange change) {
    log.record(
        change.actor(),
        change.patient(),
        action(change.kind()),
        change.resource(),
        AuditOutcome.SUCCESS);
  }

  static AuditAction action(CareChange.Kind kind) {
    return switch (kind) {
      case TEAM_CREATED -> AuditAction.TEAM_CREATED;
      case TEAM_CHANGED -> AuditAction.TEAM_CHANGED;
      case TEAM_MEMBER_ADDED -> AuditAction.TEAM_MEMBER_ADDED;
      case TEAM_MEMBER_REMOVED -> AuditAction.TEAM_MEMBER_REMOVED;
      case TEAM_PATIENT_ADDED -> AuditAction.TEAM_PATIENT_ADDED;
      case TEAM_PATIENT_REMOVED -> AuditAction.TEAM_PATIENT_REMOVED;
      case AWAY_RECORDED -> AuditAction.AWAY_RECORDED;
      case AWAY_DELETED -> AuditAction.AWAY_DELETED;
    };
  }
}

package org.patientportal.consent.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.consent.control.TopicKeywords;
import org.patientportal.consent.entity.ConsentChange;
import org.patientportal.consent.entity.SensitiveTopic;
import org.patientportal.identity.entity.Roles;
import org.patientportal.shared.entity.NotFoundException;

/**
 * The consent edge: a patient reads and changes their own agreements and reads their history; a
 * member of a patient's care team (a clinician or staff member of a pool that cares for them) reads
 * the patient's agreements, audited as CONSENTS_VIEWED; anyone else is answered as not found and
 * audited as ACCESS_DENIED. Authors get flag suggestions for a text they are writing.
 */
@Stateless
@RolesAllowed({Roles.PATIENT, Roles.CLINICIAN, Roles.STAFF})
public class Consents {

  @Resource SessionContext session;
  @Inject Agreements agreements;
  @Inject CareDirectory care;
  @Inject AuditLog audit;
  @EJB AuditService auditService;

  /** The calling patient's agreements, every topic in order. */
  @RolesAllowed(Roles.PATIENT)
  public Map<SensitiveTopic, Boolean> mine() {
    return agreements.current(caller());
  }

  /**
   * The calling patient changes the topics named (the others stay as they are); returns the
   * agreements now.
   */
  @RolesAllowed(Roles.PATIENT)
  public Map<SensitiveTopic, Boolean> change(Map<SensitiveTopic, Boolean> changes) {
    agreements.change(caller(), changes, caller(), null);
    return agreements.current(caller());
  }

  /** Every change of the calling patient's agreements, oldest first. */
  @RolesAllowed(Roles.PATIENT)
  public List<ConsentChange> myHistory() {
    return agreements.history(caller());
  }

  /** A patient's agreements, for a member of their care team (audited). */
  @RolesAllowed({Roles.CLINICIAN, Roles.STAFF})
  public Map<SensitiveTopic, Boolean> of(String patient) {
    String me = caller();
    if (patient == null || patient.isBlank() || !care.onCareTeam(me, patient)) {
      auditService.recordDenied("patient/" + patient + "/consents", patient);
      throw new NotFoundException("{consent.patient.notFound}");
    }
    audit.record(
        me,
        patient,
        AuditAction.CONSENTS_VIEWED,
        "patient/" + patient + "/consents",
        AuditOutcome.SUCCESS);
    return agreements.current(patient);
  }

  /** The flags a text being written seems to call for (a suggestion; nothing is recorded). */
  @RolesAllowed({Roles.PATIENT, Roles.CLINICIAN, Roles.STAFF})
  public Set<SensitiveTopic> suggest(String text) {
    return TopicKeywords.suggest(text);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}

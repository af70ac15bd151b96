package org.patientportal.web.audit;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditQuery;

/** {@code audit/log.xhtml}: the auditor's search of the access log. */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE_SIZE = 100;

  @EJB AuditService audit;

  private String patient;
  private String actor;
  private AuditAction action;
  private List<AuditEntry> entries;

  public void search() {
    entries = audit.search(new AuditQuery(patient, actor, action, null, null, 0, PAGE_SIZE));
  }

  public List<AuditEntry> getEntries() {
    if (entries == null) {
      search();
    }
    return entries;
  }

  public AuditAction[] getActions() {
    return AuditAction.values();
  }

  public String getPatient() {
    return patient;
  }

  public void setPatient(String patient) {
    this.patient = patient;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public AuditAction getAction() {
    return action;
  }

  public void setAction(AuditAction action) {
    this.action = action;
  }
}

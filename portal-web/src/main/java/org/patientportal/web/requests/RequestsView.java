package org.patientportal.web.requests;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.patientportal.identity.entity.Roles;
import org.patientportal.requests.boundary.Requests;
import org.patientportal.requests.entity.RequestDetail;
import org.patientportal.web.layout.ActingFor;
import org.patientportal.web.layout.SessionUser;

/**
 * {@code requests/list.xhtml}: the caller's requests (a patient's own, a team's, those of the
 * patient a caregiver acts for) and new ones.
 */
@Named
@RequestScoped
public class RequestsView {

  @EJB Requests requests;
  @Inject SessionUser user;
  @Inject ActingFor acting;

  private List<RequestDetail> list;

  public List<RequestDetail> getRequests() {
    if (list == null) {
      list = acting.isActive() ? requests.ofPatientActedFor(acting.getPatient()) : requests.list();
    }
    return list;
  }

  /** Whether the list is a care team's (it then names each request's patient). */
  public boolean isCareTeam() {
    return user.hasRole(Roles.CLINICIAN) || user.hasRole(Roles.STAFF);
  }
}

package org.patientportal.web.layout;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import org.patientportal.audit.boundary.AuditService;

/** The error pages' bean: a refused page is written to the access log like a refused API call. */
@Named
@RequestScoped
public class ErrorView {

  @EJB AuditService audit;

  private boolean recorded;

  /** Records the refusal of the page the 403 page stands in for (once per request). */
  public void recordForbidden() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    Object uri = external.getRequestMap().get(RequestDispatcher.ERROR_REQUEST_URI);
    if (!recorded && uri != null && external.getUserPrincipal() != null) {
      audit.recordDenied(uri.toString());
      recorded = true;
    }
  }
}

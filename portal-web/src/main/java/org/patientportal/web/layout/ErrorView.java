package org.patientportal.web.layout;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.platform.boundary.RequestOrigin;

/** The error pages' bean: a refused page is written to the access log like a refused API call. */
@Named
@RequestScoped
public class ErrorView {

  /** Servlet 6.1's name for the refused request's query string, where the container sets it. */
  static final String ERROR_QUERY_STRING = "jakarta.servlet.error.query_string";

  @EJB AuditService audit;
  @Inject RequestOrigin origin;

  private boolean recorded;

  /**
   * Records the refusal of the page the 403 page stands in for (once per request), with its query
   * string, the patient it names (a {@code patient} parameter) and the client's address. A role
   * rule of web.xml refuses before any filter has run, so the origin is taken here.
   */
  public void recordForbidden() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    Object uri = external.getRequestMap().get(RequestDispatcher.ERROR_REQUEST_URI);
    if (!recorded && uri != null && external.getUserPrincipal() != null) {
      HttpServletRequest request = (HttpServletRequest) external.getRequest();
      origin.set(request.getRemoteAddr(), request.getHeader("User-Agent"));
      Object query = request.getAttribute(ERROR_QUERY_STRING);
      if (query == null) {
        query = request.getQueryString();
      }
      String resource =
          query == null || query.toString().isEmpty() ? uri.toString() : uri + "?" + query;
      String patient = request.getParameter("patient");
      audit.recordDenied(resource, patient == null || patient.isBlank() ? null : patient.strip());
      recorded = true;
    }
  }
}

package org.patientportal.web.layout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.patientportal.web.platform.ViewRefusals;

/** The error pages' bean: a refused page is written to the access log like a refused API call. */
@Named
@RequestScoped
public class ErrorView {

  @Inject ViewRefusals refusals;

  /**
   * Records the refusal of the page the 403 page stands in for (once per request: not again when
   * the views' exception handler recorded it), with its query string, the patient it names (a
   * {@code patient} parameter) and the client's address.
   */
  public void recordForbidden() {
    refusals.forbiddenPage(
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
  }
}

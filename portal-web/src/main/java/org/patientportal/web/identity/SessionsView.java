package org.patientportal.web.identity;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.patientportal.sessions.boundary.MySessions;
import org.patientportal.sessions.entity.SignInSession;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.web.layout.Notices;
import org.patientportal.web.messaging.FieldErrors;

/**
 * {@code account/sessions.xhtml}: where the signed-in person is signed in (device, address, since
 * when, last active), and a button to end each session but the one in use (which the sign-out
 * button ends).
 */
@Named
@RequestScoped
public class SessionsView {

  @EJB MySessions sessions;

  private List<SignInSession> list;

  public List<SignInSession> getSessions() {
    if (list == null) {
      list = sessions.list(CallerToken.of(request()));
    }
    return list;
  }

  /** Ends one session, then shows the list again with a notice. */
  public void end(String id) {
    try {
      sessions.end(CallerToken.of(request()), id);
    } catch (DomainException e) {
      FieldErrors.show("sessions", Set.of(), e);
      return;
    }
    list = null;
    Notices.info("sessions.ended");
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }
}

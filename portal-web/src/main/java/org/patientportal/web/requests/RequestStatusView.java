package org.patientportal.web.requests;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Set;
import org.patientportal.messaging.entity.RequestStatus;
import org.patientportal.requests.boundary.Requests;
import org.patientportal.requests.entity.RequestDetail;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.web.messaging.FieldErrors;
import org.patientportal.web.messaging.ThreadView;

/**
 * The status form on a request's thread page, for the clinicians and staff of the team it went to:
 * the next status and a note for the patient.
 */
@Named
@ViewScoped
public class RequestStatusView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "changeRequest";

  @EJB Requests requests;
  @Inject ThreadView thread;

  private transient RequestDetail request;
  private transient boolean looked;

  private RequestStatus status;
  private String note;

  /** The thread's request if the caller may move it, else null. */
  public RequestDetail getRequest() {
    if (!looked) {
      looked = true;
      Long id = thread.getThreadId();
      request = id == null ? null : requests.handledOfThread(id).orElse(null);
    }
    return request;
  }

  public String change() {
    RequestDetail r = getRequest();
    if (r == null) {
      return null;
    }
    try {
      requests.changeStatus(r.getId(), status == null ? null : status.name(), note);
    } catch (DomainException e) {
      FieldErrors.show(FORM, Set.of("status", "note"), e);
      return null;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    String changed =
        faces.getApplication().getResourceBundle(faces, "msg").getString("request.statusChanged");
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, changed, null));
    return "/messages/thread.xhtml?faces-redirect=true&id=" + r.getThreadId();
  }

  public RequestStatus getStatus() {
    return status;
  }

  public void setStatus(RequestStatus status) {
    this.status = status;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}

package org.patientportal.web.requests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;
import java.util.ResourceBundle;
import org.patientportal.messaging.entity.RequestStatus;
import org.patientportal.requests.entity.RequestType;

/** How the request views name types, statuses and fields in the view's language. */
@Named
@ApplicationScoped
public class RequestLabels {

  private static final List<RequestType> TYPES = List.of(RequestType.values());

  public List<RequestType> getTypes() {
    return TYPES;
  }

  public String type(RequestType type) {
    return type == null ? "" : bundle().getString("request.type." + type.name());
  }

  /** A status in words; also takes a status's name (a thread's history keeps names). */
  public String status(Object status) {
    return status == null ? "" : bundle().getString("request.status." + status);
  }

  public String field(String name) {
    return bundle().getString("request.field." + name);
  }

  /** The statuses a request may move to from {@code status}. */
  public List<RequestStatus> next(RequestStatus status) {
    return status == null ? List.of() : List.copyOf(status.next());
  }

  private static ResourceBundle bundle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getApplication().getResourceBundle(faces, "msg");
  }
}

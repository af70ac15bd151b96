package org.patientportal.web.layout;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Confirmations shown above a page's content, in the view's language (the "msg" bundle). */
public final class Notices {

  private Notices() {}

  /** Shows the bundle's text for {@code key} as an information message of this response. */
  public static void info(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String text = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }
}

package org.patientportal.web.messaging;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.util.Set;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * Shows a refusal of the domain on a form: next to the field it is about when the form has that
 * field (the input marked invalid, what the user typed kept), else above the form; and a summary
 * saying nothing was sent.
 */
final class FieldErrors {

  private FieldErrors() {}

  static void show(String formId, Set<String> fields, DomainException refusal) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String field =
        refusal instanceof InvalidInputException invalid && fields.contains(invalid.field())
            ? formId + ":" + invalid.field()
            : null;
    if (field != null) {
      UIComponent input = faces.getViewRoot().findComponent(field);
      if (input instanceof UIInput in) {
        in.setValid(false);
      }
    }
    faces.addMessage(
        field, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getMessage(), null));
    faces.validationFailed();
  }
}

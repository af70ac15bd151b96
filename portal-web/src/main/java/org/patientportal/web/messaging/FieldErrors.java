package org.patientportal.web.messaging;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.Set;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.shared.entity.ForbiddenException;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * Shows a refusal of the domain on a form, in the view's language: next to each field it is about
 * when the form has that field (the input marked invalid, what the user typed kept), else above the
 * form; and a summary saying nothing was sent. A refusal for lack of authority is not shown here:
 * it goes on to the views' exception handler, which audits it and answers with the forbidden page,
 * as the API answers 403.
 */
public final class FieldErrors {

  private FieldErrors() {}

  public static void show(String formId, Set<String> fields, DomainException refusal) {
    if (refusal instanceof ForbiddenException forbidden) {
      throw forbidden;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    Locale locale = faces.getViewRoot().getLocale();
    boolean shown = false;
    if (refusal instanceof InvalidInputException invalid) {
      for (InvalidInputException.FieldProblem problem : invalid.problems()) {
        if (problem.field() != null && fields.contains(problem.field())) {
          String id = formId + ":" + problem.field();
          UIComponent input = faces.getViewRoot().findComponent(id);
          if (input instanceof UIInput in) {
            in.setValid(false);
          }
          faces.addMessage(id, error(problem.message(locale)));
          shown = true;
        }
      }
    }
    if (!shown) {
      faces.addMessage(null, error(refusal.message(locale)));
    }
    faces.validationFailed();
  }

  private static FacesMessage error(String text) {
    return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
  }
}

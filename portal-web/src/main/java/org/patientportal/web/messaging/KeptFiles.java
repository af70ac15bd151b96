package org.patientportal.web.messaging;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.patientportal.messaging.entity.AttachmentPolicy;
import org.patientportal.messaging.entity.NewAttachment;
import org.patientportal.shared.entity.DomainException;

/**
 * The files picked on a form, kept while the form is shown again after a refusal so that the user
 * does not lose them: the page lists them ("these files stay attached") with a way to drop them.
 * Kept in the server's memory for the view only, never serialised with the session (they may be
 * health information); after a passivation the list is empty and says so by showing nothing.
 */
final class KeptFiles implements Serializable {

  private static final long serialVersionUID = 1L;

  private transient List<NewAttachment> files;

  /**
   * The validator of an immediate {@code h:inputFile}: reads the files picked as soon as the form
   * arrives (before the other fields are checked, and whether or not they pass) and keeps them. A
   * file the web tier refuses (larger than the limit) fails the field, in the view's language.
   */
  @SuppressWarnings("unchecked")
  void validate(FacesContext faces, Object value, AttachmentPolicy policy) {
    List<Part> parts =
        value instanceof Part part
            ? List.of(part)
            : value instanceof List<?> list ? (List<Part>) list : List.of();
    try {
      chosen(Uploads.attachments(parts, policy));
    } catch (DomainException e) {
      clear();
      String text = e.message(faces.getViewRoot().getLocale());
      throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
  }

  /** Keeps {@code chosen} instead of what was kept, unless nothing was chosen this time. */
  void chosen(List<NewAttachment> chosen) {
    if (!chosen.isEmpty()) {
      files = new ArrayList<>(chosen);
    }
  }

  List<NewAttachment> files() {
    return files == null ? List.of() : List.copyOf(files);
  }

  /** The names of the kept files, for the page to list. */
  List<String> names() {
    return files().stream().map(NewAttachment::getFilename).toList();
  }

  void clear() {
    files = null;
  }
}

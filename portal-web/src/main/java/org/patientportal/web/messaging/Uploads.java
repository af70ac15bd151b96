package org.patientportal.web.messaging;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.patientportal.messaging.entity.NewAttachment;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.web.messaging.ThreadJson.FileUpload;

/** Files as forms and the API send them, as attachments for the boundary to check. */
final class Uploads {

  private Uploads() {}

  /**
   * The files of an {@code h:inputFile multiple="true"}, in order. A browser sends an empty part
   * without a name when no file was chosen; that is no attachment. Everything else goes to the
   * boundary, which checks names, sizes and types and explains a refusal.
   */
  static List<NewAttachment> attachments(Collection<Part> parts) {
    List<NewAttachment> files = new ArrayList<>();
    if (parts == null) {
      return files;
    }
    for (Part part : parts) {
      String name = part.getSubmittedFileName();
      if ((name == null || name.isEmpty()) && part.getSize() == 0) {
        continue;
      }
      try (InputStream in = part.getInputStream()) {
        files.add(new NewAttachment(name, in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("An uploaded file could not be read", e);
      }
    }
    return files;
  }

  /** The files of a JSON request, their content in base64. */
  static List<NewAttachment> decoded(List<FileUpload> uploads) {
    if (uploads == null) {
      return List.of();
    }
    List<NewAttachment> files = new ArrayList<>();
    for (FileUpload u : uploads) {
      if (u == null || u.content() == null) {
        throw new InvalidInputException("attachments", "{messaging.attachment.contentRequired}");
      }
      try {
        files.add(new NewAttachment(u.filename(), Base64.getMimeDecoder().decode(u.content())));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("attachments", "{messaging.attachment.notBase64}");
      }
    }
    return files;
  }
}

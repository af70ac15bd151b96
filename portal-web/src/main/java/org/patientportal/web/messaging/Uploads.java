package org.patientportal.web.messaging;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.patientportal.messaging.entity.NewAttachment;

/**
 * The files of an {@code h:inputFile multiple="true"}, as attachments for the boundary to check.
 */
final class Uploads {

  private Uploads() {}

  /**
   * The files chosen, in order. A browser sends an empty part without a name when no file was
   * chosen; that is no attachment. Everything else goes to the boundary, which checks names, sizes
   * and types and explains a refusal.
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
}

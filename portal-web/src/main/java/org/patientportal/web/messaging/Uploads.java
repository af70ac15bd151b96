package org.patientportal.web.messaging;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.patientportal.messaging.entity.AttachmentPolicy;
import org.patientportal.messaging.entity.NewAttachment;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.web.messaging.ThreadJson.FileUpload;

/**
 * Files as forms and the API send them, as attachments for the boundary to check. A file over the
 * size limit is refused here before it is read, so no more than the limit is ever held in memory
 * for one file; the boundary checks everything else (names, types, counts) and explains a refusal.
 */
final class Uploads {

  private static final int BUFFER = 64 * 1024;

  private Uploads() {}

  /**
   * The files of an {@code h:inputFile multiple="true"}, in order. A browser sends an empty part
   * without a name when no file was chosen; that is no attachment.
   */
  static List<NewAttachment> attachments(Collection<Part> parts, AttachmentPolicy policy) {
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
        files.add(read(name, in, part.getSize(), policy));
      } catch (IOException e) {
        throw new UncheckedIOException("An uploaded file could not be read", e);
      }
    }
    return files;
  }

  /**
   * One file from a stream of {@code declaredSize} bytes (-1: unknown), read at most up to the
   * limit: a larger file is refused as soon as it shows it is larger.
   */
  static NewAttachment read(String name, InputStream in, long declaredSize, AttachmentPolicy policy)
      throws IOException {
    long max = policy.maxBytes();
    if (declaredSize > max) {
      throw tooLarge(name, policy);
    }
    if (declaredSize >= 0) {
      // the size is known: one array of exactly that size, no copies
      byte[] content = in.readNBytes((int) declaredSize);
      if (content.length == declaredSize && in.read() < 0) {
        return new NewAttachment(name, content);
      }
      throw new IOException("The upload's size is not what it declared");
    }
    java.io.ByteArrayOutputStream out =
        new java.io.ByteArrayOutputStream(
            (int) Math.min(max, declaredSize > 0 ? declaredSize : BUFFER));
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
      if (total > max) {
        throw tooLarge(name, policy);
      }
      out.write(buffer, 0, n);
    }
    return new NewAttachment(name, out.toByteArray());
  }

  private static InvalidInputException tooLarge(String name, AttachmentPolicy policy) {
    return new InvalidInputException(
        "attachments",
        "{messaging.attachment.tooLarge}",
        Map.of("name", name == null ? "" : name, "maxMb", policy.maxBytes() / (1024 * 1024)));
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

package org.patientportal.web.messaging;

import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.patientportal.messaging.entity.AttachmentPolicy;
import org.patientportal.messaging.entity.NewAttachment;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * A message sent as {@code multipart/form-data}: text fields (UTF-8) by name, and the files of the
 * parts named "attachments", each streamed into its bytes up to the size limit (no base64, no JSON
 * string of the file): the form a client uses for files of any size.
 */
final class MultipartDraft {

  /** No text field is longer than a message's body (20,000 characters, 4 bytes each at most). */
  private static final int MAX_TEXT_BYTES = 80_000;

  private final Map<String, String> fields = new HashMap<>();
  private final List<NewAttachment> attachments = new ArrayList<>();

  private MultipartDraft() {}

  static MultipartDraft read(List<EntityPart> parts, AttachmentPolicy policy) {
    MultipartDraft draft = new MultipartDraft();
    if (parts == null) {
      return draft;
    }
    try {
      for (EntityPart part : parts) {
        String name = part.getName();
        try (InputStream in = part.getContent()) {
          if ("attachments".equals(name)) {
            draft.attachments.add(Uploads.read(part.getFileName().orElse(null), in, -1, policy));
          } else if (part.getFileName().isEmpty()) {
            byte[] text = in.readNBytes(MAX_TEXT_BYTES + 1);
            if (text.length > MAX_TEXT_BYTES) {
              throw new InvalidInputException(name, "{api.field.tooLong}");
            }
            draft.fields.put(name, new String(text, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("A multipart request could not be read", e);
    }
    return draft;
  }

  String field(String name) {
    return fields.get(name);
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(fields.get(name));
  }

  List<NewAttachment> attachments() {
    return attachments;
  }
}

package org.patientportal.messaging.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * Which files may be attached: PDF, PNG and JPEG, recognised by their content (never by the name or
 * the type a browser claims), at most {@code maxBytes} each and {@code maxCount} per message.
 */
public class AttachmentPolicy {

  public static final int MAX_FILENAME = 200;

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  private final long maxBytes;
  private final int maxCount;

  public AttachmentPolicy(long maxBytes, int maxCount) {
    this.maxBytes = maxBytes;
    this.maxCount = maxCount;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public int maxCount() {
    return maxCount;
  }

  /** Checks every attachment; the first that breaks a rule is refused with a reason. */
  public void check(List<NewAttachment> attachments) {
    if (attachments.size() > maxCount) {
      throw new InvalidInputException(
          "attachments", "Attach at most " + maxCount + " files to one message.");
    }
    for (NewAttachment a : attachments) {
      filename(a.getFilename());
      if (a.content().length == 0) {
        throw new InvalidInputException("attachments", "The file " + safe(a) + " is empty.");
      }
      if (a.content().length > maxBytes) {
        throw new InvalidInputException(
            "attachments",
            "The file " + safe(a) + " is larger than " + (maxBytes / (1024 * 1024)) + " MB.");
      }
      if (detectType(a.content()).isEmpty()) {
        throw new InvalidInputException(
            "attachments", "The file " + safe(a) + " is not a PDF, PNG or JPEG file.");
      }
    }
  }

  /** The type the content shows it is, if it is one the portal accepts. */
  public static Optional<String> detectType(byte[] content) {
    if (startsWith(content, PDF)) {
      return Optional.of("application/pdf");
    }
    if (startsWith(content, PNG)) {
      return Optional.of("image/png");
    }
    if (startsWith(content, JPEG)) {
      return Optional.of("image/jpeg");
    }
    return Optional.empty();
  }

  /** The name to store: without any folder part or control characters, and not too long. */
  public static String filename(String given) {
    String name = given == null ? "" : given.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name =
        name.codePoints()
            .filter(c -> !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new InvalidInputException("attachments", "Every attached file needs a name.");
    }
    if (name.length() > MAX_FILENAME) {
      throw new InvalidInputException(
          "attachments", "A file name may have at most " + MAX_FILENAME + " characters.");
    }
    return name;
  }

  private static String safe(NewAttachment a) {
    try {
      return "\"" + filename(a.getFilename()) + "\"";
    } catch (InvalidInputException e) {
      return "without a name";
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length
        && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }
}

package org.patientportal.messaging.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * Which files may be attached: PDF, PNG and JPEG, recognised by their content (never by the name or
 * the type a browser claims), at most {@code maxBytes} each and {@code maxCount} per message. The
 * name stored agrees with the content: {@code results.html} holding a PDF is stored as {@code
 * results.pdf}, and characters that hide or reorder text (controls, and format characters such as
 * the right-to-left override) are removed.
 */
public class AttachmentPolicy {

  public static final int MAX_FILENAME = 200;

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  /** The extensions a name may keep for each type; the first is the one given otherwise. */
  private static final Map<String, List<String>> EXTENSIONS =
      Map.of(
          "application/pdf", List.of("pdf"),
          "image/png", List.of("png"),
          "image/jpeg", List.of("jpg", "jpeg", "jpe", "jfif"));

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
      throw refusal("{messaging.attachment.tooMany}", Map.of("max", maxCount));
    }
    for (NewAttachment a : attachments) {
      String name = filename(a.getFilename());
      if (a.content().length == 0) {
        throw refusal("{messaging.attachment.empty}", Map.of("name", name));
      }
      if (a.content().length > maxBytes) {
        throw refusal(
            "{messaging.attachment.tooLarge}",
            Map.of("name", name, "maxMb", maxBytes / (1024 * 1024)));
      }
      if (detectType(a.content()).isEmpty()) {
        throw refusal("{messaging.attachment.wrongType}", Map.of("name", name));
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

  /** The name to store: without any folder part, control or format characters, and not too long. */
  public static String filename(String given) {
    String name = given == null ? "" : given.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name =
        name.codePoints()
            .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw refusal("{messaging.attachment.nameRequired}", Map.of());
    }
    if (name.length() > MAX_FILENAME) {
      throw refusal("{messaging.attachment.nameTooLong}", Map.of("max", MAX_FILENAME));
    }
    return name;
  }

  /**
   * The name to store for content of {@code type}: {@link #filename(String)} with an extension of
   * that type (the name's own when it is one, else the type's instead of whatever it had).
   */
  public static String filename(String given, String type) {
    String name = filename(given);
    List<String> allowed = EXTENSIONS.get(type);
    if (allowed == null) {
      throw new IllegalArgumentException("not an accepted type: " + type);
    }
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (allowed.contains(extension)) {
      return name;
    }
    String base = (dot < 0 ? name : name.substring(0, dot)).strip();
    if (base.isEmpty()) {
      base = "attachment";
    }
    String suffix = "." + allowed.get(0);
    if (base.length() + suffix.length() > MAX_FILENAME) {
      base = base.substring(0, MAX_FILENAME - suffix.length());
      if (Character.isHighSurrogate(base.charAt(base.length() - 1))) {
        base = base.substring(0, base.length() - 1);
      }
    }
    return base + suffix;
  }

  private static InvalidInputException refusal(String template, Map<String, ?> arguments) {
    return new InvalidInputException("attachments", template, arguments);
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length
        && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }
}

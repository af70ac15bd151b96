package org.patientportal.messaging.entity;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * Where a page of threads ends: the last thread's last activity and id, the two keys lists are
 * ordered by. Clients see it as an opaque token (base64url of the instant's seconds and nanoseconds
 * and the id): they hand it back as {@code before} and never build one, so the encoding may change
 * behind the same parameter. A token that does not decode is refused naming the field.
 */
public record ThreadCursor(Instant lastMessageAt, long id) implements java.io.Serializable {

  private static final int LENGTH = Long.BYTES + Integer.BYTES + Long.BYTES;

  public ThreadCursor {
    Objects.requireNonNull(lastMessageAt, "lastMessageAt");
  }

  /** The cursor just after {@code thread} in its list. */
  public static ThreadCursor after(MessageThread thread) {
    return new ThreadCursor(thread.getLastMessageAt(), thread.getId());
  }

  /** The token a client hands back. */
  public String token() {
    ByteBuffer bytes = ByteBuffer.allocate(LENGTH);
    bytes.putLong(lastMessageAt.getEpochSecond()).putInt(lastMessageAt.getNano()).putLong(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  /**
   * Reads a token handed back in {@code field}; null for none.
   *
   * @throws InvalidInputException naming {@code field} when the token is not one this list gave
   */
  public static ThreadCursor parse(String field, String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      byte[] raw = Base64.getUrlDecoder().decode(token.strip());
      if (raw.length != LENGTH) {
        throw new IllegalArgumentException("length");
      }
      ByteBuffer bytes = ByteBuffer.wrap(raw);
      long seconds = bytes.getLong();
      int nanos = bytes.getInt();
      long id = bytes.getLong();
      if (nanos < 0 || nanos > 999_999_999 || id < 1) {
        throw new IllegalArgumentException("range");
      }
      Instant at = Instant.ofEpochSecond(seconds, nanos);
      if (at.isBefore(ThreadListQuery.EARLIEST) || at.isAfter(ThreadListQuery.LATEST)) {
        throw new IllegalArgumentException("time");
      }
      return new ThreadCursor(at, id);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new InvalidInputException(field, "{messaging.list.cursor.invalid}");
    }
  }
}

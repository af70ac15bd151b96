package org.patientportal.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * The hash chain's arithmetic: the canonical encoding of an entry and the link {@code hash(n) =
 * SHA-256(hash(n-1) || encoding(entry n))}, with 32 zero bytes before the first entry.
 *
 * <p>The encoding (version 1), all integers big-endian: the byte {@code 1}; the chain position, the
 * sequence number and the time in microseconds since the epoch as 8-byte integers; then actor,
 * actor role, on-behalf-of, patient, action, resource, outcome, client address and user agent, each
 * as a 4-byte length ({@code -1} for none) and its UTF-8 bytes. Every field is covered, and the
 * position too, so that moving an entry breaks the chain as surely as changing it.
 *
 * <p>Not thread-safe: one instance per thread (it reuses its buffer and digest).
 */
public final class ChainCodec {

  public static final int HASH_BYTES = 32;
  static final byte VERSION = 1;

  /** The columns {@link #read} expects, in order. */
  public static final String COLUMNS =
      "seq, chain_position, occurred_at, actor, actor_role, on_behalf_of, patient, action,"
          + " resource, outcome, client_address, user_agent, chain_hash";

  private final MessageDigest sha256;
  private byte[] buffer = new byte[1024];
  private int length;

  public ChainCodec() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The hash before the first entry. */
  public static byte[] genesis() {
    return new byte[HASH_BYTES];
  }

  /** The hash of {@code row} at its position, following {@code previous}. */
  public byte[] link(byte[] previous, ChainRow row) {
    encode(row);
    sha256.update(previous);
    sha256.update(buffer, 0, length);
    return sha256.digest();
  }

  /** The canonical encoding of {@code row} (a copy; for tests and the documentation). */
  public byte[] encoding(ChainRow row) {
    encode(row);
    return Arrays.copyOf(buffer, length);
  }

  /** Reads an encoding back (the archive files hold encodings); its stored hash is null. */
  public static ChainRow decode(byte[] encoding) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(encoding);
    if (in.get() != VERSION) {
      throw new IllegalArgumentException("not a version " + VERSION + " encoding");
    }
    long position = in.getLong();
    long seq = in.getLong();
    long micros = in.getLong();
    String[] text = new String[9];
    for (int i = 0; i < text.length; i++) {
      int n = in.getInt();
      if (n >= 0) {
        byte[] bytes = new byte[n];
        in.get(bytes);
        text[i] = new String(bytes, StandardCharsets.UTF_8);
      }
    }
    if (in.hasRemaining()) {
      throw new IllegalArgumentException("bytes left after the encoding");
    }
    return new ChainRow(
        seq, position, micros, text[0], text[1], text[2], text[3], text[4], text[5], text[6],
        text[7], text[8], null);
  }

  private void encode(ChainRow row) {
    length = 0;
    ensure(1 + 3 * 8);
    buffer[length++] = VERSION;
    putLong(row.position());
    putLong(row.seq());
    putLong(row.occurredMicros());
    putText(row.actor());
    putText(row.actorRole());
    putText(row.onBehalfOf());
    putText(row.patient());
    putText(row.action());
    putText(row.resource());
    putText(row.outcome());
    putText(row.clientAddress());
    putText(row.userAgent());
  }

  private void putText(String text) {
    if (text == null) {
      ensure(4);
      putInt(-1);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ensure(4 + bytes.length);
    putInt(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void putLong(long v) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[length++] = (byte) (v >>> shift);
    }
  }

  private void putInt(int v) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      buffer[length++] = (byte) (v >>> shift);
    }
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }

  /** Reads the row at the result set's cursor; the query selects {@link #COLUMNS}. */
  public static ChainRow read(ResultSet rs) throws SQLException {
    OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
    long position = rs.getLong(2);
    if (rs.wasNull()) {
      position = 0;
    }
    return new ChainRow(
        rs.getLong(1),
        position,
        micros(at),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getBytes(13));
  }

  static long micros(OffsetDateTime at) {
    java.time.Instant i = at.toInstant();
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  /** Lower-case hexadecimal, for reports and the checkpoint file. */
  public static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }
}

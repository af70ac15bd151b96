package org.patientportal.audit.entity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement that the access log's hash chain had {@code headHash} at {@code position}, at
 * {@code signedAt}, signed with the Ed25519 key {@code keyId}. Kept in the database and, one line
 * each, in a file outside it ({@link #line()}).
 */
public record Checkpoint(
    long position, byte[] headHash, Instant signedAt, String keyId, byte[] signature) {

  static final String LINE_TAG = "checkpoint-v1";

  /** A line that also names the installation (the database) whose chain it signs. */
  static final String INSTALLATION_LINE_TAG = "checkpoint-v2";

  /** The bytes the signature covers. */
  public static byte[] signedText(long position, byte[] headHash, Instant signedAt) {
    return ("portal-audit-checkpoint-v1|"
            + position
            + "|"
            + HexFormat.of().formatHex(headHash)
            + "|"
            + signedAt)
        .getBytes(StandardCharsets.US_ASCII);
  }

  public byte[] signedText() {
    return signedText(position, headHash, signedAt);
  }

  /** This checkpoint as one line of the checkpoint file. */
  public String line() {
    return String.join(
        " ",
        LINE_TAG,
        Long.toString(position),
        HexFormat.of().formatHex(headHash),
        signedAt.toString(),
        keyId,
        Base64.getEncoder().encodeToString(signature));
  }

  /**
   * This checkpoint as one line of the checkpoint file of installation {@code installation} (the
   * database's id; not signed: it tells which database the file belongs to, so a file given for the
   * wrong database is named as such rather than taken for tampering).
   */
  public String line(String installation) {
    if (installation == null) {
      return line();
    }
    return INSTALLATION_LINE_TAG
        + " "
        + installation
        + " "
        + line().substring(LINE_TAG.length() + 1);
  }

  /**
   * The installation a checkpoint line names, or null for a line without one (the first format).
   */
  public static String installationOf(String line) {
    String[] f = line.strip().split(" ");
    return f.length == 7 && INSTALLATION_LINE_TAG.equals(f[0]) ? f[1] : null;
  }

  /**
   * Reads a line written by {@link #line()} or {@link #line(String)}; an {@link
   * IllegalArgumentException} if malformed.
   */
  public static Checkpoint parse(String line) {
    String[] f = line.strip().split(" ");
    if (f.length == 7 && INSTALLATION_LINE_TAG.equals(f[0])) {
      String[] rest = new String[6];
      rest[0] = LINE_TAG;
      System.arraycopy(f, 2, rest, 1, 5);
      f = rest;
    }
    if (f.length != 6 || !LINE_TAG.equals(f[0])) {
      throw new IllegalArgumentException("not a checkpoint line");
    }
    try {
      return new Checkpoint(
          Long.parseLong(f[1]),
          HexFormat.of().parseHex(f[2]),
          Instant.parse(f[3]),
          f[4],
          Base64.getDecoder().decode(f[5]));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a checkpoint line: " + e.getMessage(), e);
    }
  }
}

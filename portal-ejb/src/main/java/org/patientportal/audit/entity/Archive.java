package org.patientportal.audit.entity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed record that the access log's positions {@code first}..{@code last} ({@code entries}
 * entries, chaining up to {@code lastHash}) were moved to the archive file {@code fileName}, whose
 * SHA-256 is {@code fileSha256}, before they were removed from the database. Kept in the database
 * and beside the file ({@link #line()}, in {@code <file>.sig}).
 */
public record Archive(
    long first,
    long last,
    byte[] lastHash,
    long entries,
    String fileName,
    byte[] fileSha256,
    Instant signedAt,
    String keyId,
    byte[] signature) {

  static final String LINE_TAG = "archive-v1";

  /** The bytes the signature covers. */
  public static byte[] signedText(
      long first,
      long last,
      byte[] lastHash,
      long entries,
      String fileName,
      byte[] fileSha256,
      Instant signedAt) {
    HexFormat hex = HexFormat.of();
    return String.join(
            "|",
            "portal-audit-archive-v1",
            Long.toString(first),
            Long.toString(last),
            hex.formatHex(lastHash),
            Long.toString(entries),
            fileName,
            hex.formatHex(fileSha256),
            signedAt.toString())
        .getBytes(StandardCharsets.UTF_8);
  }

  public byte[] signedText() {
    return signedText(first, last, lastHash, entries, fileName, fileSha256, signedAt);
  }

  /** This record as one line (the file's {@code .sig}). */
  public String line() {
    HexFormat hex = HexFormat.of();
    return String.join(
        " ",
        LINE_TAG,
        Long.toString(first),
        Long.toString(last),
        hex.formatHex(lastHash),
        Long.toString(entries),
        fileName,
        hex.formatHex(fileSha256),
        signedAt.toString(),
        keyId,
        Base64.getEncoder().encodeToString(signature));
  }

  /** Reads a line written by {@link #line()}; an {@link IllegalArgumentException} if malformed. */
  public static Archive parse(String line) {
    String[] f = line.strip().split(" ");
    if (f.length != 10 || !LINE_TAG.equals(f[0])) {
      throw new IllegalArgumentException("not an archive record");
    }
    try {
      HexFormat hex = HexFormat.of();
      return new Archive(
          Long.parseLong(f[1]),
          Long.parseLong(f[2]),
          hex.parseHex(f[3]),
          Long.parseLong(f[4]),
          f[5],
          hex.parseHex(f[6]),
          Instant.parse(f[7]),
          f[8],
          Base64.getDecoder().decode(f[9]));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an archive record: " + e.getMessage(), e);
    }
  }
}

package org.patientportal.enrollment.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Activation codes: twelve characters of Crockford's base 32 (no I, L, O or U: nothing to misread
 * on paper), about 60 bits from {@link SecureRandom}, shown in groups of four ({@code
 * 7KQ2-M9XD-4HTR}). A code is compared by the SHA-256 of its normal form (upper case, without
 * spaces or dashes, O read as 0 and I or L as 1), which is all the database keeps.
 */
public final class ActivationCodes {

  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ActivationCodes() {}

  /** A new code, grouped for reading. */
  public static String generate() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The code as typed, in its normal form; null when it cannot be a code. */
  public static String normal(String typed) {
    if (typed == null) {
      return null;
    }
    StringBuilder code = new StringBuilder();
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || Character.isWhitespace(c)) {
        continue;
      }
      char read =
          switch (c) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> c;
          };
      if (ALPHABET.indexOf(read) < 0) {
        return null;
      }
      code.append(read);
    }
    return code.length() == LENGTH ? code.toString() : null;
  }

  /** The hash the database keeps of a code (in normal form), as hex. */
  public static String hash(String normalCode) {
    return sha256(normalCode);
  }

  /** SHA-256 of a text, as hex (emails for the rate limit, codes). */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}

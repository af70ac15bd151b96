package org.patientportal.it.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 codes (HMAC-SHA1, 6 digits, 30 s), as an authenticator app shows them, for the demo
 * realm's staff-side users, whose OTP secrets the realm file holds (see the README).
 *
 * <p>The demo realm lets a code be used again within its 30 s step ({@code otpPolicyCodeReusable}),
 * so that the tests, signing the same person in from two JVMs (the client and the in-container
 * tests) several times a minute, need not wait for fresh steps; the production realm refuses a code
 * it has already accepted. Keycloak accepts the code of the current step and of one step either
 * side (the realm's look-ahead window).
 */
public final class Totp {

  /** The demo realm's OTP secrets (base32), demo only: realm-config/src/main/demo. */
  private static final Map<String, String> DEMO_SECRETS =
      Map.of(
          "dr.smith", "PCLOVZ47JDPZG3FV4PN3BZ5XRFBQ3VXV",
          "dr.chen", "THNGL2FBQXBTNFVE3PRR6SJT7STU3B26",
          "nurse.lee", "FBSIUPFAGYUMCMUWHVX75RZKUKJVD34D",
          "comms.diaz", "K5LKLGZ5F3ASD2ARXOYVQZOM63DTW3TW",
          "audit.kim", "H57PML342JAPKNE72FRIFVEAHOPX3PBQ",
          "admin.ito", "C6Q7IV4R6YU2HJHUP3ZJHGKNPFVN54V6");

  private static final int PERIOD_SECONDS = 30;
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private static final Object COUNTS = new Object();
  private static int codes;
  private static int browserSteps;
  private static long browserStepMillis;

  static {
    // for a person timing the suite: what the second step cost in waiting
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    System.out.printf(
                        "[two-step sign-in] %d codes; %d browser code pages, %.1f s in them%n",
                        codes, browserSteps, browserStepMillis / 1000.0)));
  }

  private Totp() {}

  /** The demo secret of {@code username}, empty for a user without one (patients, say). */
  public static Optional<String> demoSecret(String username) {
    return Optional.ofNullable(DEMO_SECRETS.get(username));
  }

  /**
   * A code for {@code username}'s demo secret that Keycloak accepts now.
   *
   * @throws IllegalArgumentException for a user without a demo secret
   */
  public static String nextCode(String username) {
    return nextCodeFor(
        demoSecret(username)
            .orElseThrow(() -> new IllegalArgumentException(username + " has no demo OTP secret")));
  }

  /** Like {@link #nextCode(String)} for any base32 secret (one a test read off Keycloak's page). */
  public static String nextCodeFor(String base32Secret) {
    synchronized (COUNTS) {
      codes++;
    }
    return code(base32Secret, currentStep());
  }

  /** Counts the time a browser sign-in spent on Keycloak's code page, for the same person. */
  static void countBrowserStep(long nanos) {
    synchronized (COUNTS) {
      browserSteps++;
      browserStepMillis += nanos / 1_000_000;
    }
  }

  /** The 30 s step of now (RFC 6238's T). */
  public static long currentStep() {
    return System.currentTimeMillis() / 1000 / PERIOD_SECONDS;
  }

  /** The 6-digit code of {@code step} (RFC 4226's HOTP of the step) for a base32 secret. */
  public static String code(String base32Secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
      return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 4648 base32, without padding, as authenticator apps and Keycloak's page show it. */
  static byte[] base32(String text) {
    String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = ALPHABET.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not base32: " + text);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }
}

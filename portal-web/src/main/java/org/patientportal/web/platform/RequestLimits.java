package org.patientportal.web.platform;

/**
 * How large a request may be, and how many uploads may run at once. The upload limit is also the
 * listeners' max-post-size (configure-server.cli reads the same variable), the ceiling nothing
 * passes; the small one applies to every request but a signed-in user's upload.
 */
record RequestLimits(long request, long upload, int concurrentUploads) {

  static final long MB = 1024L * 1024;

  /** From the environment (or system properties of the same name in lower case with dots). */
  static RequestLimits fromEnvironment() {
    return new RequestLimits(
        number("PORTAL_MAX_REQUEST_BYTES", 2 * MB),
        number("PORTAL_MAX_UPLOAD_BYTES", 80 * MB),
        (int) number("PORTAL_MAX_CONCURRENT_UPLOADS", 4));
  }

  RequestLimits {
    if (request <= 0 || upload < request || concurrentUploads <= 0) {
      throw new IllegalArgumentException(
          "request limits: 0 < request <= upload and at least one upload at a time");
    }
  }

  private static long number(String variable, long fallback) {
    String value =
        System.getProperty(variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
    if (value == null) {
      value = System.getenv(variable);
    }
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variable + " must be a number of bytes: " + value, e);
    }
  }
}

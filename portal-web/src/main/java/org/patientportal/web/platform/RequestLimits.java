package org.patientportal.web.platform;

import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How large a request may be, and how many uploads may run at once. The upload limit is also the
 * listeners' max-post-size (configure-server.cli reads the same variable), the ceiling nothing
 * passes; the small one applies to every request but a signed-in user's upload.
 */
record RequestLimits(long request, long upload, int concurrentUploads) {

  static final long MB = 1024L * 1024;

  /**
   * From MicroProfile Config, as every setting of the portal: {@code portal.max-request-bytes} is
   * read from PORTAL_MAX_REQUEST_BYTES, and so on.
   */
  static RequestLimits fromEnvironment() {
    Config config = ConfigProvider.getConfig(RequestLimits.class.getClassLoader());
    return new RequestLimits(
        number(config, "portal.max-request-bytes", 2 * MB),
        number(config, "portal.max-upload-bytes", 80 * MB),
        (int) number(config, "portal.max-concurrent-uploads", 4));
  }

  RequestLimits {
    if (request <= 0 || upload < request || concurrentUploads <= 0) {
      throw new IllegalArgumentException(
          "request limits: 0 < request <= upload and at least one upload at a time");
    }
  }

  private static long number(Config config, String name, long fallback) {
    String value = config.getOptionalValue(name, String.class).orElse(null);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')
              + " must be a number: "
              + value,
          e);
    }
  }
}

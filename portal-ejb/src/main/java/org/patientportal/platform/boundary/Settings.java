package org.patientportal.platform.boundary;

/**
 * The portal's own settings: a system property (portal.x.y) wins over an environment variable
 * (PORTAL_X_Y), which wins over the default. Read where they are used, at start-up.
 *
 * <p>Superseded by MicroProfile Config ({@code @ConfigProperty}, which maps portal.x.y to
 * PORTAL_X_Y by the same rule): only messaging still reads its settings here, until it is converted
 * too.
 */
public final class Settings {

  private Settings() {}

  public static String get(String property, String environment, String fallback) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(environment);
    }
    return value == null ? fallback : value;
  }

  public static boolean flag(String property, String environment) {
    return Boolean.parseBoolean(get(property, environment, "false"));
  }

  /** Whether this server runs the demo ({@code portal.demo-data} / PORTAL_DEMO_DATA). */
  public static boolean demo() {
    return flag("portal.demo-data", "PORTAL_DEMO_DATA");
  }
}

package org.patientportal.platform.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The secrets the demo runs with, which must never reach production: outside the demo ({@code
 * PORTAL_DEMO_DATA} off) the portal refuses to start while any of them is left at its demo value
 * (or unset, where the server's default is the demo value).
 */
public final class DemoSettings {

  private record Secret(Set<String> demoValues, boolean unsetIsDemo) {}

  private static final Map<String, Secret> SECRETS = new LinkedHashMap<>();

  static {
    // the portal-web client's secret: configure-server.cli falls back to the demo realm's
    SECRETS.put(
        "oidc.client-secret",
        new Secret(Set.of("demo-portal-web-secret-not-for-production"), true));
    // the datasource falls back to sa/sa (H2's); run.sh gives the local PostgreSQL "postgres"
    SECRETS.put("portal.db.password", new Secret(Set.of("sa", "postgres"), true));
    SECRETS.put(
        "portal.keystore.password",
        new Secret(Set.of("demo-keystore-password-not-for-production"), false));
    SECRETS.put(
        "portal.audit.keystore.password",
        new Secret(Set.of("demo-audit-key-password-not-for-production"), false));
    SECRETS.put(
        "portal.audit.client-secret",
        new Secret(Set.of("demo-portal-audit-secret-not-for-production"), false));
  }

  private DemoSettings() {}

  /**
   * The settings (as environment variable names) left at a demo value, in a fixed order.
   *
   * @param lookup a setting's value by its MicroProfile Config name (e.g. {@code
   *     portal.db.password}), empty when it is not set
   */
  public static List<String> leftAtDemoValues(Function<String, Optional<String>> lookup) {
    List<String> found = new ArrayList<>();
    SECRETS.forEach(
        (name, secret) -> {
          Optional<String> value = lookup.apply(name).filter(v -> !v.isEmpty());
          boolean demo =
              value.isEmpty() ? secret.unsetIsDemo() : secret.demoValues().contains(value.get());
          if (demo) {
            found.add(environmentName(name));
          }
        });
    return found;
  }

  /**
   * The refusal to start, naming the settings, or empty when nothing is left at a demo value or
   * this is the demo.
   */
  public static Optional<String> refusal(boolean demo, Function<String, Optional<String>> lookup) {
    if (demo) {
      return Optional.empty();
    }
    List<String> left = leftAtDemoValues(lookup);
    if (left.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "The portal does not start with the demo's secrets outside the demo: "
            + String.join(", ", left)
            + (left.size() == 1 ? " is" : " are")
            + " unset or left at the demo value. Set "
            + (left.size() == 1 ? "it" : "them")
            + " to this installation's own secrets (or set PORTAL_DEMO_DATA=true to run the"
            + " demo).");
  }

  /**
   * The environment variable MicroProfile Config maps {@code name} to (portal.db.password →
   * PORTAL_DB_PASSWORD).
   */
  static String environmentName(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}

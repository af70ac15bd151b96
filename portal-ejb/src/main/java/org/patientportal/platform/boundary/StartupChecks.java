package org.patientportal.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.patientportal.platform.control.DemoSettings;

/**
 * Fails closed: outside the demo the deployment fails, with one message naming the settings, while
 * the OIDC client secret, the database password or a key store's password is left at its demo
 * value. Runs before the schema is migrated and before any key store is opened.
 */
@Startup
@Singleton
public class StartupChecks {

  @PostConstruct
  void check() {
    Config config = ConfigProvider.getConfig(StartupChecks.class.getClassLoader());
    boolean demo = config.getOptionalValue("portal.demo-data", Boolean.class).orElse(Boolean.FALSE);
    DemoSettings.refusal(demo, name -> config.getOptionalValue(name, String.class))
        .ifPresent(
            refusal -> {
              throw new IllegalStateException(refusal);
            });
  }
}

package org.patientportal.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

  private static final Map<String, String> PRODUCTION =
      Map.of(
          "oidc.client-secret", "9f2c1e0b7a-hospital-web",
          "portal.db.password", "k8#Lq2!vZ",
          "portal.keystore.password", "kek-store-secret-of-the-hospital",
          "portal.audit.keystore.password", "audit-store-secret-of-the-hospital",
          "portal.audit.client-secret", "4d1e-hospital-audit");

  private static Optional<String> refusal(boolean demo, Map<String, String> settings) {
    return DemoSettings.refusal(demo, name -> Optional.ofNullable(settings.get(name)));
  }

  @Test
  void productionSecretsStart() {
    assertEquals(Optional.empty(), refusal(false, PRODUCTION));
  }

  @Test
  void theDemoStartsWithItsOwnSecrets() {
    assertEquals(Optional.empty(), refusal(true, Map.of()));
  }

  @Test
  void unsetSecretsWhoseDefaultIsTheDemosAreRefusedByName() {
    String refusal = refusal(false, Map.of()).orElseThrow();
    assertTrue(
        refusal.startsWith(
            "The portal does not start with the demo's secrets outside the demo:"
                + " OIDC_CLIENT_SECRET, PORTAL_DB_PASSWORD are"),
        refusal);
    assertTrue(refusal.contains("PORTAL_DEMO_DATA=true"), refusal);
  }

  @Test
  void everyDemoValueIsRefusedByItsSettingsName() {
    Map<String, String> demoValues =
        Map.of(
            "oidc.client-secret", "demo-portal-web-secret-not-for-production",
            "portal.db.password", "sa",
            "portal.keystore.password", "demo-keystore-password-not-for-production",
            "portal.audit.keystore.password", "demo-audit-key-password-not-for-production",
            "portal.audit.client-secret", "demo-portal-audit-secret-not-for-production");
    assertEquals(
        List.of(
            "OIDC_CLIENT_SECRET",
            "PORTAL_DB_PASSWORD",
            "PORTAL_KEYSTORE_PASSWORD",
            "PORTAL_AUDIT_KEYSTORE_PASSWORD",
            "PORTAL_AUDIT_CLIENT_SECRET"),
        DemoSettings.leftAtDemoValues(name -> Optional.ofNullable(demoValues.get(name))));
    for (Map.Entry<String, String> one : demoValues.entrySet()) {
      java.util.HashMap<String, String> settings = new java.util.HashMap<>(PRODUCTION);
      settings.put(one.getKey(), one.getValue());
      String refusal = refusal(false, settings).orElseThrow();
      assertTrue(
          refusal.contains(DemoSettings.environmentName(one.getKey()) + " is unset"), refusal);
    }
  }
}

package org.patientportal.web.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

  @Test
  void scriptSrcComesLastForPrimeFacesToAppendItsNonce() {
    String policy =
        new ContentSecurityPolicy("https://id.hospital.example/realms/portal").getPolicy();
    assertTrue(policy.endsWith("script-src 'self' 'strict-dynamic' 'unsafe-eval'"), policy);
    assertFalse(policy.substring(policy.indexOf("script-src")).contains("unsafe-inline"), policy);
  }

  @Test
  void formsMayPostToTheIdentityProvidersOriginOnly() {
    String policy = new ContentSecurityPolicy("http://localhost:8180/realms/portal").getPolicy();
    assertTrue(policy.contains("form-action 'self' http://localhost:8180;"), policy);
    assertTrue(
        new ContentSecurityPolicy("https://id.hospital.example/realms/portal")
            .getPolicy()
            .contains("form-action 'self' https://id.hospital.example;"));
  }

  @Test
  void requestLimitsMustBeOrdered() {
    assertThrows(IllegalArgumentException.class, () -> new RequestLimits(10, 5, 1));
    assertThrows(IllegalArgumentException.class, () -> new RequestLimits(10, 20, 0));
    assertTrue(new RequestLimits(10, 20, 1).upload() == 20);
  }
}

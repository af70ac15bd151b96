package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Portal;

/** What the server's configuration promises on the wire: HTTPS, security headers, cookies. */
class TransportIT {

  @Test
  void thePortalIsServedOverHttpsWithTheServersOwnCertificate() throws Exception {
    // test only: the demo server's certificate is self-signed, made at its first HTTPS request
    SSLContext trustAll = SSLContext.getInstance("TLS");
    trustAll.init(null, new TrustManager[] {new TrustEverything()}, null);
    HttpClient client = HttpClient.newBuilder().sslContext(trustAll).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("https://localhost:8443/portal/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    X509Certificate certificate =
        (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    assertTrue(certificate.getSubjectX500Principal().getName().contains("CN=localhost"));
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    HttpResponse<String> response = Portal.get("/me", "pat.jones");
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("SAMEORIGIN", response.headers().firstValue("X-Frame-Options").orElse(""));
    assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""));
    assertEquals(
        "no-store",
        response.headers().firstValue("Cache-Control").orElse(""),
        "answers that may hold health information are never cached");
  }

  @Test
  void theBrowserSessionCookiesAreHiddenFromScriptsAndOtherSites() {
    HttpResponse<String> response =
        Portal.send(HttpRequest.newBuilder(URI.create(Portal.URL + "/")).build());
    assertEquals(302, response.statusCode(), "an anonymous visitor goes to Keycloak");
    assertTrue(
        response.headers().firstValue("Location").orElse("").startsWith(Portal.KEYCLOAK),
        response.headers().toString());
    assertTrue(
        response.headers().allValues("Set-Cookie").stream()
            .allMatch(c -> c.contains("HttpOnly") && c.contains("SameSite=Lax")),
        response.headers().allValues("Set-Cookie").toString());
  }

  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

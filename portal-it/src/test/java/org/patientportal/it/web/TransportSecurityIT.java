package org.patientportal.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Portal;

/**
 * What the portal promises on the wire over HTTPS: TLS 1.3, TLS 1.2 only with forward-secret AEAD
 * suites, HSTS, the session cookie as {@code __Host-} and every cookie Secure; and the headers of
 * pages, API answers and downloads.
 */
class TransportSecurityIT {

  private static final String HOST = "localhost";
  private static final int HTTPS = 8443;
  private static final String PORTAL_HTTPS = "https://localhost:8443/portal";

  @BeforeAll
  static void letThisClientOfferWeakSuites() {
    // test only: this client must be able to offer what the server has to refuse, or the test
    // would prove nothing (recent JDKs no longer offer TLS_RSA_* or CBC suites on their own)
    Security.setProperty("jdk.tls.disabledAlgorithms", "SSLv3, TLSv1, TLSv1.1, NULL, anon");
  }

  @Test
  void tls13IsOffered() throws Exception {
    assertEquals("TLSv1.3", handshake("TLSv1.3", null));
  }

  @Test
  void tls12WorksWithAForwardSecretAeadSuite() throws Exception {
    assertEquals("TLSv1.2", handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
  }

  @Test
  void tls12IsRefusedWithoutForwardSecrecyOrWithCbc() {
    for (String suite :
        List.of(
            "TLS_RSA_WITH_AES_128_GCM_SHA256", // no forward secrecy
            "TLS_RSA_WITH_AES_128_CBC_SHA", // neither
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", // CBC
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA")) {
      SSLHandshakeException refused =
          assertThrows(SSLHandshakeException.class, () -> handshake("TLSv1.2", suite), suite);
      assertTrue(
          String.valueOf(refused.getMessage()).contains("Received fatal alert"),
          "the server refused " + suite + " (not this client): " + refused);
    }
  }

  @Test
  void httpsAnswersCarryHstsAndSecureHostOnlyCookies() throws Exception {
    HttpResponse<String> page = https(PORTAL_HTTPS + "/signed-out.xhtml", null);
    assertEquals(200, page.statusCode());
    assertEquals(
        "max-age=31536000; includeSubDomains",
        page.headers().firstValue("Strict-Transport-Security").orElse(""));
    List<String> session = page.headers().allValues("Set-Cookie");
    assertTrue(
        session.stream()
            .anyMatch(
                c ->
                    c.startsWith("__Host-JSESSIONID=")
                        && c.toLowerCase(java.util.Locale.ROOT).contains("path=/;")
                        && c.toLowerCase(java.util.Locale.ROOT).contains("secure")
                        && !c.toLowerCase(java.util.Locale.ROOT).contains("domain")),
        "the session cookie is __Host-: " + session);

    HttpResponse<String> signIn = https(PORTAL_HTTPS + "/", null);
    assertEquals(302, signIn.statusCode(), "a signed-out visitor goes to Keycloak");
    List<String> cookies = signIn.headers().allValues("Set-Cookie");
    assertTrue(
        cookies.stream().anyMatch(c -> c.startsWith("OAuth_Token_Request_State=")),
        cookies.toString());
    assertTrue(
        cookies.stream()
            .map(c -> c.toLowerCase(java.util.Locale.ROOT))
            .allMatch(c -> c.contains("; secure") && c.contains("httponly")),
        "every cookie, the OIDC state too, is Secure and HttpOnly: " + cookies);

    HttpResponse<String> api = https(PORTAL_HTTPS + "/api/v1/me", Portal.token("pat.jones"));
    assertEquals(200, api.statusCode());
    assertTrue(api.headers().firstValue("Strict-Transport-Security").isPresent());
  }

  @Test
  void plainHttpAnswersCarryNoHsts() {
    HttpResponse<String> page =
        Portal.send(HttpRequest.newBuilder(URI.create(Portal.URL + "/")).build());
    assertFalse(page.headers().firstValue("Strict-Transport-Security").isPresent());
  }

  @Test
  void pagesCarryAPolicyWithANonceAndNoInlineScripts() {
    HttpResponse<String> page =
        Portal.send(HttpRequest.newBuilder(URI.create(Portal.URL + "/signed-out.xhtml")).build());
    assertEquals(200, page.statusCode());
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
    String scripts = policy.substring(policy.indexOf("script-src"));
    assertTrue(
        scripts.matches(
            "script-src 'self' 'strict-dynamic' 'unsafe-eval' 'nonce-[A-Za-z0-9+/=_-]{16,}';?"),
        policy);
    assertFalse(scripts.contains("unsafe-inline"), policy);
    assertTrue(policy.contains("object-src 'none'"), policy);
    assertTrue(policy.contains("frame-ancestors 'self'"), policy);
    String nonce = scripts.replaceAll(".*'nonce-([^']+)'.*", "$1");
    assertTrue(page.body().contains("nonce=\"" + nonce + "\""), "the page's scripts carry it");
    assertHeaders(page);
  }

  @Test
  void apiAnswersAndDownloadsLetNothingRun() {
    HttpResponse<String> api = Portal.get("/me", "pat.jones");
    assertEquals(200, api.statusCode());
    assertTrue(
        api.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .startsWith("default-src 'none'"),
        api.headers().toString());
    assertHeaders(api);

    HttpResponse<String> csv =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/audit?size=1"))
                .header("Authorization", "Bearer " + Portal.token("audit.kim"))
                .header("Accept", "text/csv")
                .build());
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertHeaders(csv);
    HttpResponse<String> fhir =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/audit?size=1"))
                .header("Authorization", "Bearer " + Portal.token("audit.kim"))
                .header("Accept", "application/fhir+json")
                .build());
    assertEquals(200, fhir.statusCode(), fhir.body());
    assertHeaders(fhir);
  }

  private static void assertHeaders(HttpResponse<?> response) {
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("SAMEORIGIN", response.headers().firstValue("X-Frame-Options").orElse(""));
    assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""));
  }

  // --- TLS

  /** The protocol negotiated with only {@code protocol} (and {@code suite}, if given) offered. */
  private static String handshake(String protocol, String suite) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new TrustEverything()}, null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(HOST, HTTPS)) {
      socket.setSoTimeout(30_000);
      socket.setEnabledProtocols(new String[] {protocol});
      if (suite != null) {
        assertTrue(
            List.of(socket.getSupportedCipherSuites()).contains(suite),
            "this client can offer " + suite);
        socket.setEnabledCipherSuites(new String[] {suite});
      }
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }

  private static HttpResponse<String> https(String url, String token)
      throws IOException, InterruptedException, Exception {
    SSLContext trustAll = SSLContext.getInstance("TLS");
    trustAll.init(null, new TrustManager[] {new TrustEverything()}, null);
    HttpClient client = HttpClient.newBuilder().sslContext(trustAll).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Test only: the demo server's certificate is self-signed. */
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

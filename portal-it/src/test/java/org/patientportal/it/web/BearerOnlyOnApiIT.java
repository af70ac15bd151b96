package org.patientportal.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.identity.boundary.IdentityService;
import org.patientportal.it.incontainer.AsPatient;
import org.patientportal.it.support.Deployments;

/**
 * Access tokens are for the API alone. A bearer token on a page, or an {@code access_token} query
 * parameter anywhere, signs no one in, and above all it no longer reaches the sign-in that records
 * the user's name and email from an ID token (it has none): the user's stored email stays, so their
 * notifications keep arriving. Runs inside WildFly to read the user's record after the attempts.
 */
@ExtendWith(ArquillianExtension.class)
class BearerOnlyOnApiIT {

  private static final String PORTAL = "http://localhost:8080/portal";
  private static final String KEYCLOAK = "http://localhost:8180";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(BearerOnlyOnApiIT.class, AsPatient.class);
  }

  @EJB IdentityService identity;
  @EJB AsPatient asPatient;

  @Test
  void aBearerTokenOnAPageIsRefusedAndLeavesTheUsersEmailAlone() throws Exception {
    asPatient.call(() -> identity.signIn("Pat Jones", "pat.jones@portal.test"));
    String token = token("pat.jones");

    HttpURLConnection page = open(PORTAL + "/index.xhtml");
    page.setRequestProperty("Authorization", "Bearer " + token);
    assertEquals(401, page.getResponseCode(), "a page does not take a bearer token");

    HttpURLConnection attachment = open(PORTAL + "/messages/attachment?thread=1&id=1");
    attachment.setRequestProperty("Authorization", "Bearer " + token);
    assertEquals(401, attachment.getResponseCode(), "nor does a download outside the API");

    assertEquals(
        "pat.jones@portal.test",
        asPatient.call(() -> identity.me().getEmail()),
        "the stored email is kept");
  }

  @Test
  void anAccessTokenInTheQueryStringSignsNoOneIn() throws Exception {
    String token = token("pat.jones");

    HttpURLConnection page = open(PORTAL + "/index.xhtml?access_token=" + token);
    assertEquals(302, page.getResponseCode(), "a signed-out visitor goes to Keycloak");
    assertTrue(
        page.getHeaderField("Location").startsWith(KEYCLOAK), page.getHeaderField("Location"));

    HttpURLConnection api = open(PORTAL + "/api/v1/me?access_token=" + token);
    assertEquals(401, api.getResponseCode(), "the API takes the Authorization header only");

    HttpURLConnection withHeader = open(PORTAL + "/api/v1/me");
    withHeader.setRequestProperty("Authorization", "Bearer " + token);
    assertEquals(200, withHeader.getResponseCode(), "the same token in its header is fine");

    assertEquals("pat.jones@portal.test", asPatient.call(() -> identity.me().getEmail()));
  }

  private static HttpURLConnection open(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setInstanceFollowRedirects(false);
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(30_000);
    return connection;
  }

  private static String token(String username) throws IOException {
    HttpURLConnection connection = open(KEYCLOAK + "/realms/portal/protocol/openid-connect/token");
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
    String form =
        "grant_type=password&client_id=portal-cli&username="
            + username
            + "&password=Demo-pass-2026";
    try (OutputStream out = connection.getOutputStream()) {
      out.write(form.getBytes(StandardCharsets.US_ASCII));
    }
    assertEquals(200, connection.getResponseCode());
    try (InputStream in = connection.getInputStream()) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
  }
}

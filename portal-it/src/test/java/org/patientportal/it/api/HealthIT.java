package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Portal;

/** Readiness: the portal's own (the database) and the server's (MicroProfile Health). */
class HealthIT {

  @Test
  void thePortalIsReadyWhenItsDatabaseAnswers() {
    JsonNode health = ready(Portal.URL + "/health/ready");
    assertTrue(
        StreamSupport.stream(health.get("checks").spliterator(), false)
            .anyMatch(
                c ->
                    c.get("name").asText().equals("database")
                        && c.get("status").asText().equals("UP")),
        health.toString());
  }

  @Test
  void theServerIsReadyWithThePortalDeployed() {
    JsonNode health = ready(Portal.MANAGEMENT + "/health/ready");
    assertTrue(
        StreamSupport.stream(health.get("checks").spliterator(), false)
            .anyMatch(
                c ->
                    c.get("name").asText().equals("deployments-status")
                        && c.get("data").path("portal.ear").asText().equals("OK")),
        health.toString());
  }

  private static JsonNode ready(String url) {
    HttpResponse<String> response = Portal.send(HttpRequest.newBuilder(URI.create(url)).build());
    assertEquals(200, response.statusCode(), response.body());
    JsonNode health = Portal.json(response.body());
    assertEquals("UP", health.get("status").asText());
    return health;
  }
}

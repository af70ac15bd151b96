package org.patientportal.it.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.care.entity.ProxyGrant;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.it.incontainer.InTransaction;
import org.patientportal.it.support.Deployments;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.platform.boundary.Ids;

/**
 * A grant that has expired (issue 11, point 1): sam.rivera let chris.jones act for her for a month,
 * and the month ended an hour ago. The test writes that grant in the server as the boundary would
 * have a month ago (the portal's clock cannot be moved from outside), then calls the API as the
 * caregiver: her threads, one of them, a new message and a request for her are all refused as not
 * found, each refusal audited with the patient; she is no longer among those he acts for; and her
 * own list still shows the grant, with its end.
 */
@ExtendWith(ArquillianExtension.class)
class ProxyExpiryIT {

  private static final String PATIENT = "sam.rivera";
  private static final String PROXY = "chris.jones";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesCallingTheApiWith(
        ProxyExpiryIT.class, InTransaction.class, Messages.class);
  }

  @EJB InTransaction tx;
  @Inject Ids ids;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  private long grantId;

  @AfterEach
  void forgetTheGrant() throws Exception {
    tx.commit(
        () -> {
          ProxyGrant grant = em.find(ProxyGrant.class, grantId);
          if (grant != null) {
            em.remove(grant);
          }
          return null;
        });
  }

  @Test
  void afterItsEndEveryCallIsRefusedAndAudited() throws Exception {
    Instant now = Instant.now();
    Instant expired = now.minus(Duration.ofHours(1));
    grantId =
        tx.commit(
            () -> {
              ProxyGrant grant =
                  new ProxyGrant(
                      ids.next("proxy_grant_seq"),
                      PATIENT,
                      PROXY,
                      EnumSet.of(ProxyScope.MESSAGING, ProxyScope.REQUESTS),
                      expired,
                      PATIENT,
                      expired.minus(Duration.ofDays(30)),
                      null);
              em.persist(grant);
              return grant.getId();
            });
    Messages.acceptGuidelines(PATIENT);
    long thread =
        Messages.start(
            PATIENT,
            Messages.draft("dr.smith", "GENERAL", Messages.marker("Vencido ⏰"), "Hola", false));
    Instant since = now.minusSeconds(1);

    Portal.assertProblem(Portal.get("/threads?patient=" + PATIENT, PROXY), 404);
    Portal.assertProblem(Portal.get("/threads/" + thread + "?patient=" + PATIENT, PROXY), 404);
    Portal.assertProblem(
        Portal.post(
            "/threads/" + thread + "/messages",
            PROXY,
            Map.of("body", "¿Sigo aquí? 🙂", "patient", PATIENT)),
        404);
    Portal.assertProblem(
        Portal.post(
            "/requests",
            PROXY,
            Map.of(
                "type",
                "PRESCRIPTION_RENEWAL",
                "medication",
                "Tamoxifeno",
                "dose",
                "20 mg",
                "pharmacy",
                "Farmacia Núñez",
                "patient",
                PATIENT)),
        404);

    List<JsonNode> denied =
        Messages.audit(PROXY, "ACCESS_DENIED", since).stream()
            .filter(e -> PATIENT.equals(e.path("patient").asText()))
            .toList();
    assertTrue(denied.size() >= 4, denied.toString());

    assertTrue(
        array(Portal.get("/me/acting-for", PROXY)).stream()
            .noneMatch(g -> g.get("patient").asText().equals(PATIENT)),
        "an expired grant is not in force");
    JsonNode listed =
        array(Portal.get("/me/proxies", PATIENT)).stream()
            .filter(g -> g.get("id").asLong() == grantId)
            .findFirst()
            .orElseThrow();
    assertEquals(PROXY, listed.get("proxy").asText());
    assertTrue(Instant.parse(listed.get("expiresAt").asText()).isBefore(now), listed.toString());
  }

  private static List<JsonNode> array(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return StreamSupport.stream(Portal.json(response.body()).spliterator(), false).toList();
  }
}

package org.patientportal.web.consent;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patientportal.consent.boundary.Consents;
import org.patientportal.consent.entity.ConsentChange;
import org.patientportal.consent.entity.SensitiveTopic;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * {@code /api/v1/me/consents}: the calling patient's agreements to sensitive topics ({@code
 * {"HIV":bool,…}}), their change (PUT, the topics named), their history, and the same as FHIR R4
 * Consent resources ({@code Accept: application/fhir+json}).
 */
@Path("me/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentsResource {

  /** One change of the history. */
  public record Change(
      String topic, boolean agreed, Instant changedAt, String changedBy, Long requestId) {

    static Change of(ConsentChange c) {
      return new Change(
          c.getTopic().name(), c.isAgreed(), c.getChangedAt(), c.getChangedBy(), c.getRequestId());
    }
  }

  @EJB Consents consents;
  @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security;

  @GET
  @Operation(summary = "The patient's agreements: {\"HIV\":bool,…}, every topic")
  public Map<String, Boolean> mine() {
    return json(consents.mine());
  }

  @GET
  @Produces(ConsentFhir.MEDIA_TYPE + ";qs=0.5")
  @Operation(summary = "The patient's agreements as a FHIR R4 Bundle of Consent resources")
  public String mineAsFhir() {
    return ConsentFhir.json(
        ConsentFhir.bundle(
            security.getUserPrincipal().getName(), consents.mine(), consents.myHistory()));
  }

  @PUT
  @Operation(
      summary = "Changes the topics named ({\"PSYCHOTHERAPY\":true}); the others stay; audited")
  public Map<String, Boolean> change(Map<String, Boolean> changes) {
    return json(consents.change(topics(changes)));
  }

  @GET
  @Path("history")
  @Operation(summary = "Every change of the patient's agreements, oldest first")
  public List<Change> history() {
    return consents.myHistory().stream().map(Change::of).toList();
  }

  /** Topic names to topics; an unknown name or a missing value is refused naming it. */
  static Map<SensitiveTopic, Boolean> topics(Map<String, Boolean> answers) {
    if (answers == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    Map<SensitiveTopic, Boolean> topics = new EnumMap<>(SensitiveTopic.class);
    answers.forEach(
        (name, value) -> {
          SensitiveTopic t = SensitiveTopic.parse(name);
          if (value == null) {
            throw new InvalidInputException(t.name(), "{consent.request.answer.missing}");
          }
          topics.put(t, value);
        });
    return topics;
  }

  /** Agreements as JSON: topic name to bool, in topic order. */
  static Map<String, Boolean> json(Map<SensitiveTopic, Boolean> agreements) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    agreements.forEach((t, a) -> out.put(t.name(), a));
    return out;
  }
}

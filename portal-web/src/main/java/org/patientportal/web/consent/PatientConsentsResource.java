package org.patientportal.web.consent;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patientportal.consent.boundary.Consents;
import org.patientportal.consent.entity.SensitiveTopic;
import org.patientportal.messaging.boundary.ConsentRequests;

/**
 * {@code /api/v1/patients/{username}/consents}: a patient's agreements, for their care team only
 * (anyone else: 404, audited); and {@code …/consent-requests}: a clinician asks the patient, in a
 * new thread, to agree to topics.
 */
@Path("patients/{username}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatientConsentsResource {

  @EJB Consents consents;
  @EJB ConsentRequests requests;
  @jakarta.ws.rs.core.Context UriInfo uri;

  @GET
  @Path("consents")
  @Operation(summary = "The patient's agreements {\"HIV\":bool,…}, for their care team")
  public Map<String, Boolean> of(@PathParam("username") String username) {
    return ConsentsResource.json(consents.of(username));
  }

  @GET
  @Path("consents")
  @Produces(ConsentFhir.MEDIA_TYPE + ";qs=0.5")
  @Operation(summary = "The patient's agreements as FHIR R4 Consent resources, for their care team")
  public String ofAsFhir(@PathParam("username") String username) {
    return ConsentFhir.json(ConsentFhir.bundle(username, consents.of(username), List.of()));
  }

  @POST
  @Path("consent-requests")
  @Operation(
      summary =
          "A clinician of the patient's care team asks them, in a new thread, to agree to"
              + " topics: {\"sensitiveTopics\":[…]} → 201 the request")
  public Response ask(@PathParam("username") String username, ConsentRequestsResource.AskIn in) {
    return ConsentRequestsResource.created(
        uri,
        requests.askInNewThread(
            username, SensitiveTopic.parseAll(in == null ? null : in.sensitiveTopics())));
  }
}

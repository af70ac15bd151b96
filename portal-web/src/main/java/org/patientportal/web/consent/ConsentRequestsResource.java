package org.patientportal.web.consent;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patientportal.consent.boundary.Consents;
import org.patientportal.consent.entity.SensitiveTopic;
import org.patientportal.messaging.boundary.ConsentRequests;
import org.patientportal.messaging.entity.ConsentRequestDetail;

/**
 * Requests for the patient's agreement: {@code GET /consent-requests} (the calling patient's open
 * ones), {@code POST /consent-requests/{id}/answer} ({@code {"HIV":true,…}}, every topic asked),
 * {@code POST /threads/{id}/consent-requests} (a clinician asks in a thread), {@code GET
 * /threads/{id}/consent-requests} (a thread's requests), and {@code POST
 * /consent-requests/suggestions} (the flags a text seems to call for).
 */
@Path("consent-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentRequestsResource {

  /** What to ask for. */
  public record AskIn(List<String> sensitiveTopics) {}

  /** A request as its readers see it. */
  public record RequestOut(
      long id,
      long threadId,
      long messageId,
      String requestedBy,
      Instant requestedAt,
      List<String> sensitiveTopics,
      Instant answeredAt) {

    static RequestOut of(ConsentRequestDetail d) {
      return new RequestOut(
          d.id(),
          d.threadId(),
          d.messageId(),
          d.requestedBy(),
          d.requestedAt(),
          d.topics().stream().map(Enum::name).toList(),
          d.answeredAt());
    }
  }

  /** A text to suggest flags for. */
  public record TextIn(String text) {}

  /** The flags suggested. */
  public record SuggestionsOut(List<String> sensitiveTopics) {}

  @EJB ConsentRequests requests;
  @EJB Consents consents;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The calling patient's requests for agreement not answered yet")
  public List<RequestOut> mine() {
    return requests.openOfMine().stream().map(RequestOut::of).toList();
  }

  @POST
  @Path("{id}/answer")
  @Operation(
      summary =
          "The patient answers a request: {\"HIV\":true,\"PSYCHOTHERAPY\":false}, every topic"
              + " asked; their agreements change (history, audit); → the agreements now")
  public Map<String, Boolean> answer(@PathParam("id") long id, Map<String, Boolean> answers) {
    return ConsentsResource.json(requests.answer(id, ConsentsResource.topics(answers)));
  }

  @POST
  @Path("suggestions")
  @Operation(summary = "The sensitive topics a text seems to touch (English and Spanish keywords)")
  public SuggestionsOut suggest(TextIn in) {
    return new SuggestionsOut(
        consents.suggest(in == null ? null : in.text()).stream().map(Enum::name).toList());
  }

  public static Response created(UriInfo uri, ConsentRequestDetail detail) {
    return Response.created(
            uri.getBaseUriBuilder().path("threads/{id}/consent-requests").build(detail.threadId()))
        .entity(RequestOut.of(detail))
        .build();
  }

  /** A thread's requests (for {@code ThreadsResource}). */
  public static List<RequestOut> list(List<ConsentRequestDetail> details) {
    return details.stream().map(RequestOut::of).toList();
  }

  /** The topics of an ask. */
  public static java.util.Set<SensitiveTopic> topics(AskIn in) {
    return SensitiveTopic.parseAll(in == null ? null : in.sensitiveTopics());
  }
}

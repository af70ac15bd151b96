package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.patientportal.care.entity.CareRecipient;
import org.patientportal.messaging.boundary.MessagingGuidelines;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.Guidelines;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * {@code /api/v1/messaging}: what a patient needs before writing: the guidelines (and accepting
 * them) and who on their care team they may write to.
 */
@Path("messaging")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessagingResource {

  /** The guidelines in one language. */
  public record GuidelinesOut(
      String version,
      String sha256,
      String language,
      String title,
      List<String> paragraphs,
      boolean accepted) {}

  /** An acceptance: the hash of the text that was shown, and its language. */
  public record Acceptance(String sha256, String language) {}

  /** Someone a patient may write to. */
  public record Recipient(String address, String kind, String name, String pool) {}

  @EJB MessagingService messaging;
  @EJB MessagingGuidelines guidelines;

  @GET
  @Path("guidelines")
  public GuidelinesOut guidelines(@QueryParam("language") String language) {
    Guidelines g = guidelines.guidelines(language);
    return new GuidelinesOut(
        g.getVersion(),
        g.getSha256(),
        g.getLanguage(),
        g.getTitle(),
        g.getParagraphs(),
        g.isAccepted());
  }

  @POST
  @Path("guidelines/acceptance")
  public Response accept(Acceptance acceptance) {
    if (acceptance == null || acceptance.sha256() == null) {
      throw new InvalidInputException("sha256", "{messaging.guidelines.sha256Required}");
    }
    guidelines.accept(acceptance.sha256(), acceptance.language());
    return Response.noContent().build();
  }

  @GET
  @Path("recipients")
  public List<Recipient> recipients(@jakarta.ws.rs.QueryParam("patient") String patient) {
    // a patient's own care team; a caregiver names the patient they act for
    List<CareRecipient> recipients =
        patient == null || patient.isBlank()
            ? messaging.recipients()
            : messaging.recipients(patient);
    return recipients.stream()
        .map(
            (CareRecipient r) ->
                new Recipient(
                    r.getAddress(), r.getKind().name(), r.getDisplayName(), r.getPoolName()))
        .toList();
  }
}

package org.patientportal.web.messaging;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.AttachmentDownload;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.Reply;
import org.patientportal.messaging.entity.StartThread;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.web.messaging.ThreadJson.Created;
import org.patientportal.web.messaging.ThreadJson.NewMessage;
import org.patientportal.web.messaging.ThreadJson.NewThread;
import org.patientportal.web.messaging.ThreadJson.Receipt;
import org.patientportal.web.messaging.ThreadJson.Summary;
import org.patientportal.web.messaging.ThreadJson.ThreadOut;

/**
 * {@code /api/v1/threads}: secure messaging over the API. The boundary decides who may see and do
 * what; this class only translates JSON ({@link ThreadJson}) to commands and back. Attachments
 * travel as base64 in JSON and come back as their bytes from their own URL.
 */
@Path("threads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThreadsResource {

  @EJB MessagingService messaging;
  @Context UriInfo uri;

  @GET
  public List<Summary> list() {
    return messaging.myThreads().stream().map(Summary::of).toList();
  }

  @POST
  public Response start(NewThread draft) {
    if (draft == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    if (draft.sensitiveTopics() != null && !draft.sensitiveTopics().isEmpty()) {
      throw new InvalidInputException("sensitiveTopics", "{messaging.sensitiveTopics.notYet}");
    }
    long id =
        messaging.startThread(
            new StartThread(
                draft.to(),
                Category.parse(draft.category()),
                draft.subject(),
                draft.body(),
                Boolean.TRUE.equals(draft.readReceipt()),
                Uploads.decoded(draft.attachments()),
                draft.patient()));
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(id)).build())
        .entity(new Created(id))
        .build();
  }

  @GET
  @Path("{id}")
  public ThreadOut open(@PathParam("id") long id) {
    return ThreadOut.of(messaging.open(id), uri.getBaseUriBuilder());
  }

  @POST
  @Path("{id}/messages")
  public Response reply(@PathParam("id") long id, NewMessage message) {
    if (message == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    long messageId =
        messaging.reply(
            new Reply(
                id,
                message.body(),
                Boolean.TRUE.equals(message.readReceipt()),
                Uploads.decoded(message.attachments())));
    return Response.created(uri.getBaseUriBuilder().path("threads/{id}").build(id))
        .entity(new Created(messageId))
        .build();
  }

  @GET
  @Path("{id}/receipts")
  public List<Receipt> receipts(@PathParam("id") long id) {
    return messaging.receipts(id).stream().map(Receipt::of).toList();
  }

  @GET
  @Path("{id}/attachments/{attachment}")
  @Produces(MediaType.WILDCARD)
  public Response download(@PathParam("id") long id, @PathParam("attachment") long attachment) {
    AttachmentDownload file = messaging.download(id, attachment);
    return Response.ok(file.content(), file.getContentType())
        .header("Content-Disposition", contentDisposition(file.getFilename()))
        .build();
  }

  @POST
  @Path("{id}/done")
  public Response done(@PathParam("id") long id) {
    messaging.markDone(id);
    return Response.noContent().build();
  }

  /** An attachment's Content-Disposition, with the name as RFC 6266/5987 wants it. */
  public static String contentDisposition(String filename) {
    String ascii = filename.replaceAll("[^A-Za-z0-9._ -]", "_");
    String encoded =
        java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}

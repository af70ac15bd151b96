package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
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
 * what; this class only translates JSON ({@link ThreadJson}) or multipart forms to commands and
 * back. Attachments travel as base64 in JSON or as file parts of a multipart form, and come back as
 * their bytes from their own URL.
 */
@Path("threads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThreadsResource {

  /** The header that makes a POST idempotent (draft-ietf-httpapi-idempotency-key-header). */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @EJB MessagingService messaging;
  @Context UriInfo uri;

  @GET
  public List<Summary> list() {
    return messaging.myThreads().stream().map(Summary::of).toList();
  }

  /**
   * A new thread from JSON, its attachments in base64. With an Idempotency-Key, a repeat of the
   * request sends nothing and answers as the first did.
   */
  @POST
  public Response start(NewThread draft, @HeaderParam(IDEMPOTENCY_KEY) String key) {
    if (draft == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    if (draft.sensitiveTopics() != null && !draft.sensitiveTopics().isEmpty()) {
      throw new InvalidInputException("sensitiveTopics", "{messaging.sensitiveTopics.notYet}");
    }
    return created(
        new StartThread(
            draft.to(),
            Category.parse(draft.category()),
            draft.subject(),
            draft.body(),
            Boolean.TRUE.equals(draft.readReceipt()),
            Uploads.decoded(draft.attachments()),
            draft.patient(),
            key));
  }

  /**
   * A new thread from {@code multipart/form-data}: the same fields as text parts, and each file a
   * part named "attachments", streamed (no base64).
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response start(List<EntityPart> parts, @HeaderParam(IDEMPOTENCY_KEY) String key) {
    MultipartDraft draft = MultipartDraft.read(parts, messaging.attachmentPolicy());
    if (draft.field("sensitiveTopics") != null && !draft.field("sensitiveTopics").isBlank()) {
      throw new InvalidInputException("sensitiveTopics", "{messaging.sensitiveTopics.notYet}");
    }
    return created(
        new StartThread(
            draft.field("to"),
            Category.parse(draft.field("category")),
            draft.field("subject"),
            draft.field("body"),
            draft.flag("readReceipt"),
            draft.attachments(),
            draft.field("patient"),
            key));
  }

  private Response created(StartThread command) {
    long id = messaging.startThread(command);
    return Response.created(uri.getBaseUriBuilder().path("threads/{id}").build(id))
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
  public Response reply(
      @PathParam("id") long id, NewMessage message, @HeaderParam(IDEMPOTENCY_KEY) String key) {
    if (message == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    return replied(
        new Reply(
            id,
            message.body(),
            Boolean.TRUE.equals(message.readReceipt()),
            Uploads.decoded(message.attachments()),
            key));
  }

  /** A reply from {@code multipart/form-data}, as {@link #start(List, String)} takes a thread. */
  @POST
  @Path("{id}/messages")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response reply(
      @PathParam("id") long id, List<EntityPart> parts, @HeaderParam(IDEMPOTENCY_KEY) String key) {
    MultipartDraft draft = MultipartDraft.read(parts, messaging.attachmentPolicy());
    return replied(
        new Reply(id, draft.field("body"), draft.flag("readReceipt"), draft.attachments(), key));
  }

  private Response replied(Reply reply) {
    long messageId = messaging.reply(reply);
    return Response.created(uri.getBaseUriBuilder().path("threads/{id}").build(reply.threadId()))
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

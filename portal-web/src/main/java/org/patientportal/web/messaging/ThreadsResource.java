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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.AttachmentDetail;
import org.patientportal.messaging.entity.AttachmentDownload;
import org.patientportal.messaging.entity.MessageDetail;
import org.patientportal.messaging.entity.NewAttachment;
import org.patientportal.messaging.entity.ReceiptDetail;
import org.patientportal.messaging.entity.ThreadDetail;
import org.patientportal.messaging.entity.ThreadSummary;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * {@code /api/v1/threads}: secure messaging over the API. The boundary decides who may see and do
 * what; this class only translates JSON. Attachments travel as base64 in JSON and come back as
 * their bytes from their own URL.
 */
@Path("threads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThreadsResource {

  /** A thread in a list. */
  public record Summary(
      long id,
      String subject,
      String subjectLine,
      String category,
      String patient,
      String to,
      boolean unread,
      Instant lastMessageAt,
      String lastMessageBy,
      int messageCount,
      String status) {

    static Summary of(ThreadSummary t) {
      return new Summary(
          t.getId(),
          t.getSubject(),
          t.getSubjectLine(),
          t.getCategory().name(),
          t.getPatient(),
          t.getRecipientAddress(),
          t.isUnread(),
          t.getLastMessageAt(),
          t.getLastMessageBy(),
          t.getMessageCount(),
          t.getStatus().name());
    }
  }

  /** A file to attach: its name and its bytes in base64. */
  public record FileUpload(String filename, String content) {}

  /** A new thread. */
  public record NewThread(
      String to,
      String category,
      String subject,
      String body,
      String patient,
      List<String> sensitiveTopics,
      Boolean readReceipt,
      List<FileUpload> attachments) {}

  /** A reply. */
  public record NewMessage(String body, Boolean readReceipt, List<FileUpload> attachments) {}

  /** What a POST created. */
  public record Created(long id) {}

  /** An attachment as a thread lists it. */
  public record AttachmentOut(
      long id, String filename, String contentType, long size, String href) {}

  /** A read receipt. */
  public record Receipt(long messageId, String reader, String readerName, Instant readAt) {

    static Receipt of(ReceiptDetail r) {
      return new Receipt(r.getMessageId(), r.getReader(), r.getReaderName(), r.getReadAt());
    }
  }

  /** A message of an opened thread. */
  public record MessageOut(
      long id,
      String from,
      String fromName,
      Instant sentAt,
      String body,
      boolean readReceipt,
      List<AttachmentOut> attachments,
      List<Receipt> receipts) {}

  /** An opened thread. */
  public record ThreadOut(
      long id,
      String subject,
      String subjectLine,
      String category,
      String patient,
      String to,
      String status,
      List<MessageOut> messages) {}

  @EJB MessagingService messaging;
  @Context UriInfo uri;

  @GET
  public List<Summary> list() {
    return messaging.myThreads().stream().map(Summary::of).toList();
  }

  @POST
  public Response start(NewThread draft) {
    if (draft == null) {
      throw new InvalidInputException(null, "Send the message as a JSON object.");
    }
    if (draft.sensitiveTopics() != null && !draft.sensitiveTopics().isEmpty()) {
      throw new InvalidInputException(
          "sensitiveTopics",
          "Sensitive-topic flags are not accepted yet; leave them out, or call your care team.");
    }
    long id =
        messaging.startThread(
            draft.to(),
            draft.category(),
            draft.subject(),
            draft.body(),
            Boolean.TRUE.equals(draft.readReceipt()),
            files(draft.attachments()),
            draft.patient());
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(id)).build())
        .entity(new Created(id))
        .build();
  }

  @GET
  @Path("{id}")
  public ThreadOut open(@PathParam("id") long id) {
    ThreadDetail thread = messaging.open(id);
    ThreadSummary t = thread.getSummary();
    List<MessageOut> messages = new ArrayList<>();
    for (MessageDetail m : thread.getMessages()) {
      List<AttachmentOut> files = new ArrayList<>();
      for (AttachmentDetail a : m.getAttachments()) {
        files.add(
            new AttachmentOut(
                a.getId(),
                a.getFilename(),
                a.getContentType(),
                a.getSizeBytes(),
                uri.getBaseUriBuilder()
                    .path("threads/{id}/attachments/{attachment}")
                    .build(id, a.getId())
                    .getPath()));
      }
      messages.add(
          new MessageOut(
              m.getId(),
              m.getAuthor(),
              m.getAuthorName(),
              m.getSentAt(),
              m.getBody(),
              m.isReadReceipt(),
              files,
              m.getReceipts().stream().map(Receipt::of).toList()));
    }
    return new ThreadOut(
        t.getId(),
        t.getSubject(),
        t.getSubjectLine(),
        t.getCategory().name(),
        t.getPatient(),
        t.getRecipientAddress(),
        t.getStatus().name(),
        messages);
  }

  @POST
  @Path("{id}/messages")
  public Response reply(@PathParam("id") long id, NewMessage message) {
    if (message == null) {
      throw new InvalidInputException(null, "Send the message as a JSON object.");
    }
    long messageId =
        messaging.reply(
            id,
            message.body(),
            Boolean.TRUE.equals(message.readReceipt()),
            files(message.attachments()));
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

  private static List<NewAttachment> files(List<FileUpload> uploads) {
    if (uploads == null) {
      return List.of();
    }
    List<NewAttachment> files = new ArrayList<>();
    for (FileUpload u : uploads) {
      if (u == null || u.content() == null) {
        throw new InvalidInputException("attachments", "Each attachment needs its content.");
      }
      try {
        files.add(new NewAttachment(u.filename(), Base64.getMimeDecoder().decode(u.content())));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("attachments", "Send each attachment's content in base64.");
      }
    }
    return files;
  }
}

package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.patientportal.consent.entity.SensitiveTopic;
import org.patientportal.messaging.boundary.ConsentRequests;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.boundary.ThreadHandling;
import org.patientportal.messaging.entity.AttachmentDownload;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.Reply;
import org.patientportal.messaging.entity.StartThread;
import org.patientportal.messaging.entity.ThreadCursor;
import org.patientportal.messaging.entity.ThreadListQuery;
import org.patientportal.messaging.entity.ThreadPage;
import org.patientportal.messaging.entity.ThreadStarted;
import org.patientportal.records.boundary.MedicalRecord;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.web.consent.ConsentRequestsResource;
import org.patientportal.web.messaging.ThreadJson.AssignmentIn;
import org.patientportal.web.messaging.ThreadJson.Created;
import org.patientportal.web.messaging.ThreadJson.ForwardIn;
import org.patientportal.web.messaging.ThreadJson.NewMessage;
import org.patientportal.web.messaging.ThreadJson.NewThread;
import org.patientportal.web.messaging.ThreadJson.Receipt;
import org.patientportal.web.messaging.ThreadJson.Started;
import org.patientportal.web.messaging.ThreadJson.Summary;
import org.patientportal.web.messaging.ThreadJson.ThreadOut;
import org.patientportal.web.messaging.ThreadJson.UnreadCount;

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
  @EJB ThreadHandling handling;
  @EJB MedicalRecord record;
  @EJB ConsentRequests consentRequests;
  @Context UriInfo uri;

  /**
   * One page of the caller's threads: the body is the page's threads as a JSON array, as it always
   * was; when more follow, a {@code Link: <…?before=<cursor>&…>; rel="next"} header (RFC 8288)
   * gives the next page's URL with every filter kept. The cursor is opaque: page on by following
   * the link, or by passing its {@code before} back. Nothing counts the list.
   */
  @GET
  @Operation(
      summary = "One page of the caller's threads, newest activity first",
      description =
          "Keyset paging: the body is a JSON array of at most `size` threads; a `Link` header with"
              + " rel=\"next\" (RFC 8288) carries the next page's URL (its `before` cursor is"
              + " opaque) and is absent on the last page. Search (`q`) matches whole words of the"
              + " subject, accents and case ignored, all words required.")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      headers =
          @Header(
              name = "Link",
              description = "<url>; rel=\"next\" when more threads follow",
              schema = @Schema(type = SchemaType.STRING)))
  public Response list(
      @Parameter(description = "The cursor of the page to read (from the previous page's Link)")
          @QueryParam("before")
          String before,
      @Parameter(description = "Threads per page, 1 to 100 (default 25)") @QueryParam("size")
          String size,
      @Parameter(description = "Only this category") @QueryParam("category") String category,
      @Parameter(description = "true: only threads with an unread message") @QueryParam("unread")
          String unread,
      @Parameter(description = "OPEN or DONE (default both)") @QueryParam("status") String status,
      @Parameter(description = "Only threads last active at or after this ISO-8601 instant")
          @QueryParam("from")
          String from,
      @Parameter(description = "Only threads last active before this ISO-8601 instant")
          @QueryParam("to")
          String to,
      @Parameter(description = "Only this patient's threads (username; for the care team)")
          @QueryParam("patient")
          String patient,
      @Parameter(description = "Words of the subject, all of which must be in it") @QueryParam("q")
          String q,
      @Parameter(description = "newest (default) or oldest: the longest wait first")
          @QueryParam("order")
          String order,
      @Parameter(
              description =
                  "inbox (default): every visible thread but those the caller archived; sent: the"
                      + " patient's threads they wrote in, by their latest message; archived: the"
                      + " threads the patient archived (a new message brings one back to the inbox)")
          @QueryParam("box")
          String box,
      @Parameter(
              description =
                  "Only requests of this type: APPOINTMENT, PRESCRIPTION (a renewal) or REFERRAL")
          @QueryParam("requestType")
          String requestType,
      @Parameter(
              description =
                  "Only requests in this status: SUBMITTED, IN_REVIEW, APPROVED, DECLINED or"
                      + " COMPLETED")
          @QueryParam("requestStatus")
          String requestStatus) {
    ThreadListQuery query =
        new ThreadListQuery(
            category == null || category.isBlank() ? null : Category.parse(category),
            ListParameters.flag("unread", unread),
            ListParameters.status(status),
            ListParameters.instant("from", from),
            ListParameters.instant("to", to),
            patient,
            q,
            ListParameters.oldestFirst(order),
            ThreadCursor.parse("before", before),
            ListParameters.size(size),
            ListParameters.box(box),
            ListParameters.requestType(requestType),
            ListParameters.requestStatus(requestStatus));
    ThreadPage page = messaging.threads(query);
    Response.ResponseBuilder ok = Response.ok(page.getThreads().stream().map(Summary::of).toList());
    if (page.getNext() != null) {
      URI next =
          uri.getRequestUriBuilder()
              .replaceQueryParam("before", page.getNext().token())
              .replaceQueryParam("size", query.size())
              .build();
      ok.link(next, "next");
    }
    return ok.build();
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
    return created(
        new StartThread(
            draft.to(),
            Category.parse(draft.category()),
            draft.subject(),
            draft.body(),
            Boolean.TRUE.equals(draft.readReceipt()),
            Uploads.decoded(draft.attachments()),
            draft.patient(),
            key),
        SensitiveTopic.parseAll(draft.sensitiveTopics()));
  }

  /**
   * A new thread from {@code multipart/form-data}: the same fields as text parts, and each file a
   * part named "attachments", streamed (no base64).
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response start(List<EntityPart> parts, @HeaderParam(IDEMPOTENCY_KEY) String key) {
    MultipartDraft draft = MultipartDraft.read(parts, messaging.attachmentPolicy());
    return created(
        new StartThread(
            draft.field("to"),
            Category.parse(draft.field("category")),
            draft.field("subject"),
            draft.field("body"),
            draft.flag("readReceipt"),
            draft.attachments(),
            draft.field("patient"),
            key),
        SensitiveTopic.parseList(draft.field(SensitiveTopic.FIELD)));
  }

  private Response created(StartThread command, Set<SensitiveTopic> topics) {
    ThreadStarted started = messaging.start(command, topics);
    long id = started.threadId();
    return Response.created(uri.getBaseUriBuilder().path("threads/{id}").build(id))
        .entity(new Started(id, started.coveredBy(), started.coveredByName()))
        .build();
  }

  @GET
  @Path("{id}")
  public ThreadOut open(
      @PathParam("id") long id,
      @Parameter(description = "A caregiver: the patient they act for") @QueryParam("patient")
          String patient) {
    return ThreadOut.of(messaging.open(id, patient), uri.getBaseUriBuilder());
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
            key),
        SensitiveTopic.parseAll(message.sensitiveTopics()));
  }

  /** A reply from {@code multipart/form-data}, as {@link #start(List, String)} takes a thread. */
  @POST
  @Path("{id}/messages")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response reply(
      @PathParam("id") long id, List<EntityPart> parts, @HeaderParam(IDEMPOTENCY_KEY) String key) {
    MultipartDraft draft = MultipartDraft.read(parts, messaging.attachmentPolicy());
    return replied(
        new Reply(id, draft.field("body"), draft.flag("readReceipt"), draft.attachments(), key),
        SensitiveTopic.parseList(draft.field(SensitiveTopic.FIELD)));
  }

  private Response replied(Reply reply, Set<SensitiveTopic> topics) {
    long messageId = messaging.reply(reply, topics);
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

  /** The caller takes the thread: they handle it from now (409 if a colleague has it). */
  @POST
  @Path("{id}/claim")
  @Operation(summary = "The caller (clinician or staff of the thread's team) takes the thread")
  public Response claim(@PathParam("id") long id) {
    handling.claim(id);
    return Response.noContent().build();
  }

  /** The caller lets the thread go. */
  @POST
  @Path("{id}/release")
  @Operation(summary = "Nobody handles the thread any more (its handler or the team's lead)")
  public Response release(@PathParam("id") long id) {
    handling.release(id);
    return Response.noContent().build();
  }

  /** The thread is given to a member of its team: {@code {"to": username}}. */
  @POST
  @Path("{id}/assignment")
  @Operation(summary = "Gives the thread to a member of its team: {\"to\": username}")
  public Response assign(@PathParam("id") long id, AssignmentIn assignment) {
    if (assignment == null) {
      throw new InvalidInputException("to", "{messaging.assignment.to.required}");
    }
    handling.assign(id, assignment.to());
    return Response.noContent().build();
  }

  /**
   * The thread is forwarded inside the care community: {@code {"to": username or "pool:code",
   * "note": text, "confirmSensitive"?: bool}}. There is no field for an outside address; anything
   * that is not a clinician or pool of the portal is refused (400 naming "to", audited). A thread
   * flagged with a sensitive topic is forwarded only with {@code "confirmSensitive": true} (409
   * otherwise).
   */
  @POST
  @Path("{id}/forward")
  @Operation(
      summary =
          "Forwards the thread to a clinician or pool of the portal with a note:"
              + " {\"to\": username or \"pool:code\", \"note\": text, \"confirmSensitive\"?:"
              + " bool}; a thread flagged with a sensitive topic needs confirmSensitive true (409"
              + " sensitive-forward-unconfirmed otherwise)")
  public Response forward(@PathParam("id") long id, ForwardIn forward) {
    if (forward == null) {
      throw new InvalidInputException("to", "{messaging.forward.to.required}");
    }
    handling.forward(
        id, forward.to(), forward.note(), Boolean.TRUE.equals(forward.confirmSensitive()));
    return Response.noContent().build();
  }

  /**
   * A clinician files the thread (or the messages named) into the patient's medical record: {@code
   * {"messageIds"?: [...], "amends"?: recordEntryId, "reason"?: text}} → 201 {@code
   * {"recordEntryId"}}; an amendment requires its reason.
   */
  @POST
  @Path("{id}/filing")
  @Operation(
      summary =
          "Files the thread, or the messages named, into the patient's medical record;"
              + " \"amends\" names the entry a new version amends, for the \"reason\" given")
  public Response file(@PathParam("id") long id, FilingIn filing) {
    long entry =
        record.file(
            id,
            filing == null ? null : filing.messageIds(),
            filing == null ? null : filing.amends(),
            filing == null ? null : filing.reason());
    return Response.created(uri.getBaseUriBuilder().path("records/{id}").build(entry))
        .entity(new FiledOut(entry))
        .build();
  }

  /**
   * A clinician on the thread's care team side asks its patient to agree to sensitive topics:
   * {@code {"sensitiveTopics":[…]}} → 201 the request; its message (generic text) is added to the
   * thread.
   */
  @POST
  @Path("{id}/consent-requests")
  @Operation(
      summary =
          "A clinician asks the thread's patient to agree to sensitive topics:"
              + " {\"sensitiveTopics\":[…]} → 201 {id, threadId, messageId, sensitiveTopics, …}")
  public Response askConsent(@PathParam("id") long id, ConsentRequestsResource.AskIn in) {
    return ConsentRequestsResource.created(
        uri, consentRequests.ask(id, ConsentRequestsResource.topics(in)));
  }

  /** The thread's requests for the patient's agreement, answered or not. */
  @GET
  @Path("{id}/consent-requests")
  @Operation(summary = "The thread's requests for the patient's agreement, answered or not")
  public List<ConsentRequestsResource.RequestOut> consentRequests(@PathParam("id") long id) {
    return ConsentRequestsResource.list(consentRequests.ofThread(id));
  }

  /** What to file: the messages (all when absent), the entry this amends, if any, and why. */
  public record FilingIn(List<Long> messageIds, Long amends, String reason) {}

  /** The entry a filing created. */
  public record FiledOut(long recordEntryId) {}

  /**
   * How many threads are unread for the caller: a patient's inbox, or the open threads of a
   * clinician's or staff member's work queue; counted up to 100 ("capped": at least that many).
   */
  @GET
  @Path("unread-count")
  @Operation(
      summary = "How many threads are unread for the caller",
      description =
          "A patient: the unread threads of their inbox (archived ones left out); a clinician or"
              + " staff member: the unread open threads of their work queue. Counted up to 100:"
              + " `capped` true means at least `unread`.")
  public UnreadCount unreadCount() {
    int unread = messaging.unreadCount();
    int cap = MessagingService.UNREAD_CAP;
    return new UnreadCount(Math.min(unread, cap + 1), unread > cap);
  }

  /** The calling patient archives the thread (for themselves): 204. */
  @POST
  @Path("{id}/archive")
  @Operation(
      summary = "The patient archives the thread: out of their inbox, into box=archived",
      description =
          "Per reader: nobody else's lists change, nor the thread. A new message brings it back to"
              + " the inbox. 404 for a thread the caller may not see; 403 for the care team.")
  @APIResponse(responseCode = "204", description = "Archived")
  public Response archive(@PathParam("id") long id) {
    messaging.archive(id);
    return Response.noContent().build();
  }

  /** The calling patient brings the thread back to their inbox: 204. */
  @DELETE
  @Path("{id}/archive")
  @Operation(summary = "The patient brings an archived thread back to their inbox")
  @APIResponse(responseCode = "204", description = "Back in the inbox")
  public Response unarchive(@PathParam("id") long id) {
    messaging.unarchive(id);
    return Response.noContent().build();
  }

  /** The care team opens a done thread again: 204. */
  @POST
  @Path("{id}/reopen")
  @Operation(
      summary = "The care team opens a done thread again",
      description =
          "Shown in the thread's history and audited as THREAD_REOPENED; an open thread stays as"
              + " it is. The patient reopens a thread by writing in it: this call answers them 403.")
  @APIResponse(responseCode = "204", description = "Open")
  public Response reopen(@PathParam("id") long id) {
    handling.reopen(id);
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

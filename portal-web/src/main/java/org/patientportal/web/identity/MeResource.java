package org.patientportal.web.identity;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.patientportal.identity.boundary.IdentityService;

/** {@code GET /api/v1/me}: who the bearer token speaks for, and their portal roles. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  /** The representation of the caller. */
  public record Me(String username, List<String> roles) {}

  @EJB IdentityService identity;
  @Context SecurityContext security;

  /**
   * A line of the caller's access report. A refused attempt by someone outside the care team has
   * {@code outsideCareTeam} true and no actor, name or role; {@code conversation} names the thread
   * the item belongs to (null when it cannot be named).
   */
  public record Access(
      java.time.Instant at,
      String actor,
      String actorName,
      String role,
      String action,
      String resource,
      String outcome,
      boolean outsideCareTeam,
      Conversation conversation) {}

  /** A conversation by its id, category, subject and the moment it began. */
  public record Conversation(
      long id, String category, String subject, java.time.Instant startedAt) {}

  @EJB org.patientportal.audit.boundary.AuditService audit;
  @EJB org.patientportal.messaging.boundary.ThreadTitles titles;

  @GET
  public Me me() {
    return new Me(security.getUserPrincipal().getName(), identity.myRoles());
  }

  /**
   * {@code GET /api/v1/me/access-log}: who opened the calling patient's messages, when, as what.
   */
  @GET
  @Path("access-log")
  public List<Access> accessLog(
      @jakarta.ws.rs.QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
      @jakarta.ws.rs.QueryParam("size") @jakarta.ws.rs.DefaultValue("100") int size) {
    return AccessLine.of(audit.myAccessLog(page, size), titles).stream()
        .map(
            l ->
                new Access(
                    l.getAt(),
                    l.getActor(),
                    l.getActorName(),
                    l.getActorRole(),
                    l.getAction(),
                    l.getResource(),
                    l.getOutcome(),
                    l.isOutsideCareTeam(),
                    l.getConversation() == null
                        ? null
                        : new Conversation(
                            l.getConversation().getThreadId(),
                            l.getConversation().getCategory().name(),
                            l.getConversation().getSubject(),
                            l.getConversation().getStartedAt())))
        .toList();
  }
}

package org.patientportal.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.patientportal.care.boundary.CareTeamAdmin;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.care.entity.Team;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * {@code /api/v1/admin/teams}: care-team administration for administrators (the boundary enforces
 * the role; a refusal is answered 403 and audited by the problem mapper). GET lists the teams, POST
 * creates one {@code {"code","name"}}; {@code /{code}} reads (GET) or changes (PUT {@code
 * {"name","lead"}}, the code immutable) one; {@code /{code}/members} adds a member (POST {@code
 * {"username","role"}}) and {@code /{code}/members/{username}} removes one (DELETE); the same for
 * {@code /{code}/patients} ({@code {"username"}}). Each change answers the team as it now is.
 */
@Path("admin/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamsResource {

  /** A care team. */
  public record TeamOut(
      String code, String name, String lead, List<PersonOut> members, List<PersonOut> patients) {

    static TeamOut of(Team t) {
      return new TeamOut(
          t.getCode(),
          t.getName(),
          t.getLead(),
          t.getMembers().stream().map(PersonOut::of).toList(),
          t.getPatients().stream().map(PersonOut::of).toList());
    }
  }

  /** A member (with a role) or a patient (without) of a team. */
  public record PersonOut(String username, String displayName, String role) {

    static PersonOut of(Team.Person p) {
      return new PersonOut(
          p.getUsername(), p.getDisplayName(), p.getRole() == null ? null : p.getRole().name());
    }
  }

  /** A new team. */
  public record NewTeam(String code, String name) {}

  /**
   * A team's changes: its name and lead (null or empty: none); a code, if sent, must be its own.
   */
  public record TeamChange(String code, String name, String lead) {}

  /** A member to add, and their role in the team (CLINICIAN or STAFF). */
  public record NewMember(String username, String role) {}

  /** A patient the team is to care for. */
  public record NewPatient(String username) {}

  @EJB CareTeamAdmin teams;
  @Context UriInfo uri;

  @GET
  public List<TeamOut> list() {
    return teams.teams().stream().map(TeamOut::of).toList();
  }

  @POST
  public Response create(NewTeam team) {
    NewTeam t = required(team);
    Team created = teams.create(t.code(), t.name());
    return Response.created(
            uri.getBaseUriBuilder().path("admin/teams/{code}").build(created.getCode()))
        .entity(TeamOut.of(created))
        .build();
  }

  @GET
  @Path("{code}")
  public TeamOut team(@PathParam("code") String code) {
    return TeamOut.of(teams.team(code));
  }

  @PUT
  @Path("{code}")
  public TeamOut change(@PathParam("code") String code, TeamChange change) {
    TeamChange c = required(change);
    return TeamOut.of(teams.change(code, c.code(), c.name(), c.lead()));
  }

  @POST
  @Path("{code}/members")
  public TeamOut addMember(@PathParam("code") String code, NewMember member) {
    NewMember m = required(member);
    return TeamOut.of(teams.addMember(code, m.username(), role(m.role())));
  }

  @DELETE
  @Path("{code}/members/{username}")
  public TeamOut removeMember(
      @PathParam("code") String code, @PathParam("username") String username) {
    return TeamOut.of(teams.removeMember(code, username));
  }

  @POST
  @Path("{code}/patients")
  public TeamOut addPatient(@PathParam("code") String code, NewPatient patient) {
    return TeamOut.of(teams.addPatient(code, required(patient).username()));
  }

  @DELETE
  @Path("{code}/patients/{username}")
  public TeamOut removePatient(
      @PathParam("code") String code, @PathParam("username") String username) {
    return TeamOut.of(teams.removePatient(code, username));
  }

  private static PoolRole role(String role) {
    if (role == null || role.isBlank()) {
      throw new InvalidInputException("role", "{care.team.role.required}");
    }
    try {
      return PoolRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("role", "{care.team.role.required}");
    }
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    return body;
  }
}

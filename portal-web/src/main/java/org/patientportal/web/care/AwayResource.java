package org.patientportal.web.care;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.patientportal.care.boundary.AwayPeriods;
import org.patientportal.care.entity.AwayKind;
import org.patientportal.care.entity.AwayPeriod;
import org.patientportal.care.entity.NewAwayPeriod;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * {@code /api/v1/me/away}: the calling clinician's away periods (GET: those not over), a new one
 * (POST {@code {"from","to","kind","cover"}}, days as {@code YYYY-MM-DD}, both inclusive, kind
 * VACATION, ILLNESS or OTHER) → 201, and {@code DELETE /{id}} → 204. The boundary enforces the role
 * and the rules; a bad day names its field here.
 */
@Path("me/away")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AwayResource {

  /** An away period. */
  public record AwayOut(long id, LocalDate from, LocalDate to, String kind, String cover) {

    static AwayOut of(AwayPeriod a) {
      return new AwayOut(
          a.getId(), a.getStartsOn(), a.getEndsOn(), a.getKind().name(), a.getCover());
    }
  }

  /** A new away period, as sent. */
  public record NewAway(String from, String to, String kind, String cover) {}

  @EJB AwayPeriods away;
  @Context UriInfo uri;

  @GET
  public List<AwayOut> mine() {
    return away.mine().stream().map(AwayOut::of).toList();
  }

  @POST
  public Response record(NewAway request) {
    if (request == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    AwayPeriod period =
        away.record(
            new NewAwayPeriod(
                day("from", request.from()),
                day("to", request.to()),
                kind(request.kind()),
                request.cover()));
    return Response.created(uri.getBaseUriBuilder().path("me/away/{id}").build(period.getId()))
        .entity(AwayOut.of(period))
        .build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    away.delete(id);
    return Response.noContent().build();
  }

  static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "{care.away.day.invalid}");
    }
  }

  static AwayKind kind(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return AwayKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", "{care.away.kind.required}");
    }
  }
}

package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.json.bind.annotation.JsonbNillable;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patientportal.messaging.boundary.ReplyTemplates;
import org.patientportal.messaging.entity.NewTemplate;
import org.patientportal.messaging.entity.TemplateDetail;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * {@code /api/v1/me/templates}: the caller's quick-reply templates and their teams' (clinicians and
 * staff). A team-wide one names the pool: {@code {"title","text","pool"?}}.
 */
@Path("me/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplatesResource {

  @EJB ReplyTemplates templates;
  @Context UriInfo uri;

  /** A template as the API shows it. */
  public record TemplateOut(
      long id,
      String title,
      String text,
      @JsonbNillable String pool,
      String owner,
      boolean deletable) {

    static TemplateOut of(TemplateDetail t) {
      return new TemplateOut(
          t.getId(), t.getTitle(), t.getText(), t.getPool(), t.getOwner(), t.isDeletable());
    }
  }

  /** A template to create. */
  public record TemplateIn(String title, String text, String pool) {}

  @GET
  @Operation(summary = "The caller's quick-reply templates and their teams'")
  public List<TemplateOut> list() {
    return templates.mine().stream().map(TemplateOut::of).toList();
  }

  @POST
  @Operation(summary = "A new quick-reply template: personal, or for a pool the caller works")
  public Response create(TemplateIn in) {
    if (in == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    long id = templates.create(new NewTemplate(in.title(), in.text(), in.pool()));
    return Response.created(uri.getAbsolutePathBuilder().path("{id}").build(id))
        .entity(new ThreadJson.Created(id))
        .build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Deletes a template the caller wrote")
  public Response delete(@PathParam("id") long id) {
    templates.delete(id);
    return Response.noContent().build();
  }
}

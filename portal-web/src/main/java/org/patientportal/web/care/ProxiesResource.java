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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.patientportal.care.entity.ProxyGrant;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.proxy.boundary.ProxyGrants;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * Proxy access over the API: {@code /me/proxies} (a patient's grants: GET, POST {@code
 * {"proxy","scopes":[…],"expiresAt"}} → 201, {@code DELETE /{id}} → 204), {@code /me/acting-for}
 * (the patients a caregiver acts for now) and {@code /patients/{username}/proxies} (staff of the
 * patient's care team: GET, POST with a {@code "reason"}, {@code DELETE /{id}}). {@code expiresAt}
 * is an instant ({@code 2027-06-30T12:00:00Z}) or a day ({@code 2027-06-30}, through its end in
 * UTC). The boundary decides who may do what.
 */
public final class ProxiesResource {

  private ProxiesResource() {}

  /** A grant as listed: to whom (or from whom), what, until when, and whether it still holds. */
  public record GrantOut(
      long id,
      String patient,
      String proxy,
      List<String> scopes,
      Instant expiresAt,
      String createdBy,
      Instant createdAt,
      String reason,
      Instant revokedAt,
      String revokedBy) {

    static GrantOut of(ProxyGrant g) {
      return new GrantOut(
          g.getId(),
          g.getPatient(),
          g.getProxy(),
          g.getScopes().stream().map(Enum::name).toList(),
          g.getExpiresAt(),
          g.getCreatedBy(),
          g.getCreatedAt(),
          g.getReason(),
          g.getRevokedAt(),
          g.getRevokedBy());
    }
  }

  /** A new grant, as sent ({@code reason} only from staff). */
  public record NewGrant(String proxy, List<String> scopes, String expiresAt, String reason) {}

  /** {@code /me/proxies}: the calling patient's grants. */
  @Path("me/proxies")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class Mine {

    @EJB ProxyGrants grants;
    @Context UriInfo uri;

    @GET
    public List<GrantOut> given() {
      return grants.given().stream().map(GrantOut::of).toList();
    }

    @POST
    public Response grant(NewGrant request) {
      NewGrant r = required(request);
      ProxyGrant g = grants.grant(r.proxy(), scopes(r.scopes()), expiry(r.expiresAt()));
      return Response.created(uri.getBaseUriBuilder().path("me/proxies/{id}").build(g.getId()))
          .entity(GrantOut.of(g))
          .build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") long id) {
      grants.revoke(id);
      return Response.noContent().build();
    }
  }

  /** {@code /me/acting-for}: whom the calling caregiver may act for now. */
  @Path("me/acting-for")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class ActingFor {

    @EJB ProxyGrants grants;

    @GET
    public List<GrantOut> actingFor() {
      return grants.actingFor().stream().map(GrantOut::of).toList();
    }
  }

  /** {@code /patients/{username}/proxies}: staff of the patient's care team. */
  @Path("patients/{username}/proxies")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  public static class OfPatient {

    @EJB ProxyGrants grants;
    @Context UriInfo uri;

    @GET
    public List<GrantOut> list(@PathParam("username") String patient) {
      return grants.ofPatientForStaff(patient).stream().map(GrantOut::of).toList();
    }

    @POST
    public Response grant(@PathParam("username") String patient, NewGrant request) {
      NewGrant r = required(request);
      ProxyGrant g =
          grants.grantForPatient(
              patient, r.proxy(), scopes(r.scopes()), expiry(r.expiresAt()), r.reason());
      return Response.created(
              uri.getBaseUriBuilder()
                  .path("patients/{username}/proxies/{id}")
                  .build(patient, g.getId()))
          .entity(GrantOut.of(g))
          .build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("username") String patient, @PathParam("id") long id) {
      grants.revokeForPatient(patient, id);
      return Response.noContent().build();
    }
  }

  static NewGrant required(NewGrant request) {
    if (request == null) {
      throw new InvalidInputException(null, "{api.body.required}");
    }
    return request;
  }

  static Set<ProxyScope> scopes(List<String> names) {
    Set<ProxyScope> scopes = EnumSet.noneOf(ProxyScope.class);
    if (names == null) {
      return scopes;
    }
    for (String name : names) {
      try {
        scopes.add(ProxyScope.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("scopes", "{care.proxy.scope.unknown}");
      }
    }
    return scopes;
  }

  /** An instant, or a day meaning through its end (UTC); null when absent. */
  static Instant expiry(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      return v.length() == 10
          ? LocalDate.parse(v).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("expiresAt", "{care.proxy.expiry.range}");
    }
  }
}

package org.patientportal.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.patientportal.crypto.boundary.KeyRotation;
import org.patientportal.crypto.entity.KeyStatus;

/**
 * {@code /api/v1/admin/keys}: the key-encryption keys (GET) and their rotation (POST rotation), for
 * administrators; the boundary enforces the role.
 */
@Path("admin/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

  /** The keys, and what a rotation did. */
  public record Keys(
      int currentVersion,
      List<Integer> versions,
      Map<Integer, Long> valuesByVersion,
      long rewrapped,
      List<Integer> retired) {

    static Keys of(KeyStatus s) {
      return new Keys(
          s.getCurrentVersion(),
          s.getVersions(),
          s.getValuesByVersion(),
          s.getRewrapped(),
          s.getRetired());
    }
  }

  @EJB KeyRotation rotation;

  @GET
  public Keys status() {
    return Keys.of(rotation.status());
  }

  @POST
  @Path("rotation")
  public Keys rotate() {
    return Keys.of(rotation.rotate());
  }
}

package org.patientportal.web.audit;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.patientportal.audit.boundary.AuditChain;
import org.patientportal.audit.entity.ChainVerification;

/**
 * {@code GET /api/v1/audit/verify}: checks the access log's hash chain and signed checkpoints, for
 * auditors only (the boundary enforces it; refusals are audited). 200 with {@code "valid": false}
 * and the first problem when the log was changed: the check itself worked.
 */
@Path("audit/verify")
@Produces(MediaType.APPLICATION_JSON)
public class AuditChainResource {

  /** The result as the API shows it. */
  public record Verification(
      boolean valid,
      long entriesChecked,
      long firstPosition,
      long lastPosition,
      long pending,
      int checkpointsChecked,
      long lastCheckpoint,
      Instant lastCheckpointAt,
      Problem problem,
      String keyId,
      Instant checkedAt,
      long millis) {}

  /** The first problem found. */
  public record Problem(String kind, long position, Long seq, String detail) {}

  @EJB AuditChain chain;

  @GET
  public Verification verify() {
    ChainVerification r = chain.verify();
    ChainVerification.Problem p = r.problem();
    return new Verification(
        r.valid(),
        r.entriesChecked(),
        r.firstPosition(),
        r.lastPosition(),
        r.pending(),
        r.checkpointsChecked(),
        r.lastCheckpoint(),
        r.lastCheckpointAt(),
        p == null ? null : new Problem(p.kind().name(), p.position(), p.seq(), p.detail()),
        chain.keyId(),
        r.checkedAt(),
        r.millis());
  }
}

package org.patientportal.web.audit;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import org.patientportal.audit.boundary.AuditChain;
import org.patientportal.audit.entity.ChainVerification;

/**
 * {@code audit/integrity.xhtml}: the auditor checks the access log's hash chain and its signed
 * checkpoints (the boundary enforces the role and records each check).
 */
@Named
@ViewScoped
public class IntegrityView implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB AuditChain chain;

  private ChainVerification result;

  public void check() {
    result = chain.verify();
  }

  public boolean isChecked() {
    return result != null;
  }

  public boolean isValid() {
    return result != null && result.valid();
  }

  public long getEntriesChecked() {
    return result.entriesChecked();
  }

  public long getFirstPosition() {
    return result.firstPosition();
  }

  public long getLastPosition() {
    return result.lastPosition();
  }

  public long getPending() {
    return result.pending();
  }

  public int getCheckpointsChecked() {
    return result.checkpointsChecked();
  }

  public long getLastCheckpoint() {
    return result.lastCheckpoint();
  }

  public Instant getLastCheckpointAt() {
    return result.lastCheckpointAt();
  }

  public long getMillis() {
    return result.millis();
  }

  /** The kind of the first problem (its name; the page labels it), or null. */
  public String getProblemKind() {
    return result.problem() == null ? null : result.problem().kind().name();
  }

  public long getProblemPosition() {
    return result.problem().position();
  }

  public Long getProblemSeq() {
    return result.problem().seq();
  }

  public String getProblemDetail() {
    return result.problem().detail();
  }

  public String getKeyId() {
    return chain.keyId();
  }
}

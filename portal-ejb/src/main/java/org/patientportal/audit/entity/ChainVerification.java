package org.patientportal.audit.entity;

import java.time.Instant;

/**
 * What a check of the access log's hash chain found: valid, or the first problem.
 *
 * @param valid whether every sealed entry and every checkpoint is as it was written
 * @param entriesChecked sealed entries read and re-hashed
 * @param firstPosition the first chain position checked (after any archived part)
 * @param lastPosition the last chain position found
 * @param pending entries written but not chained yet (the sealer chains them within seconds)
 * @param checkpointsChecked signed checkpoints whose signature and hash were checked
 * @param lastCheckpoint the position of the latest signed checkpoint (0 if none)
 * @param lastCheckpointAt when it was signed (null if none)
 * @param problem the first problem found, or null when valid
 * @param checkedAt when the check ran
 * @param millis how long it took
 */
public record ChainVerification(
    boolean valid,
    long entriesChecked,
    long firstPosition,
    long lastPosition,
    long pending,
    int checkpointsChecked,
    long lastCheckpoint,
    Instant lastCheckpointAt,
    Problem problem,
    Instant checkedAt,
    long millis) {

  /** What kind of change was found. */
  public enum Kind {
    /** An entry's content differs from what was chained. */
    ALTERED,
    /** An entry is missing from the chain. */
    DELETED,
    /** An entry is in the chain that was not chained there. */
    INSERTED,
    /** Entries are at other positions than where they were chained. */
    REORDERED,
    /** The chain does not match a signed checkpoint, or a checkpoint's signature is not valid. */
    CHECKPOINT_MISMATCH,
    /**
     * The checkpoint file given belongs to another database (another installation): nothing was
     * found changed in this one, but it was not checked against that file.
     */
    OTHER_DATABASE
  }

  /**
   * The first problem.
   *
   * @param kind what is wrong
   * @param position the chain position where it shows
   * @param seq the sequence number of the entry concerned (null where no entry is there)
   * @param detail one sentence for the auditor
   */
  public record Problem(Kind kind, long position, Long seq, String detail) {}

  /** Entries checked per second (0 when too quick to tell). */
  public long entriesPerSecond() {
    return millis == 0 ? 0 : entriesChecked * 1000 / millis;
  }
}

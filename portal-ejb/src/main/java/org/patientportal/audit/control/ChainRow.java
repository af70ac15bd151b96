package org.patientportal.audit.control;

/**
 * One entry of the access log exactly as stored, read by JDBC: what its link in the hash chain
 * covers, its chain position ({@code 0} while not sealed) and the hash stored with it (null while
 * not sealed). The time is in microseconds since the epoch, the precision both databases keep.
 */
public record ChainRow(
    long seq,
    long position,
    long occurredMicros,
    String actor,
    String actorRole,
    String onBehalfOf,
    String patient,
    String action,
    String resource,
    String outcome,
    String clientAddress,
    String userAgent,
    byte[] storedHash) {

  /** The same entry at another position (to test where a misplaced entry belongs). */
  ChainRow at(long otherPosition) {
    return new ChainRow(
        seq,
        otherPosition,
        occurredMicros,
        actor,
        actorRole,
        onBehalfOf,
        patient,
        action,
        resource,
        outcome,
        clientAddress,
        userAgent,
        storedHash);
  }
}

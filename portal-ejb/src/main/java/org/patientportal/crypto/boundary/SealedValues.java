package org.patientportal.crypto.boundary;

import java.util.Map;

/**
 * A feature's store of sealed values, as key rotation sees it. Each feature that seals data
 * implements it once (a session bean), so that crypto can re-wrap everything without knowing the
 * features.
 */
public interface SealedValues {

  /** A name for reports, e.g. "messaging". */
  String name();

  /**
   * Re-wraps, in a transaction of its own, up to {@code limit} values whose data keys are wrapped
   * by an older key than the current one; returns how many it re-wrapped (0 when none is left).
   */
  int rewrapBatch(int limit);

  /** How many values each key-encryption key version wraps. */
  Map<Integer, Long> countByKeyVersion();
}

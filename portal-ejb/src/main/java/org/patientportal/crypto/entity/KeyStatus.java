package org.patientportal.crypto.entity;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key-encryption keys as an administrator sees them: the current version, the versions in the
 * key store, how many stored values each version wraps, and (after a rotation) how many values were
 * re-wrapped and which versions were retired.
 */
public class KeyStatus {

  private final int currentVersion;
  private final List<Integer> versions;
  private final Map<Integer, Long> valuesByVersion;
  private final long rewrapped;
  private final List<Integer> retired;

  public KeyStatus(
      int currentVersion,
      List<Integer> versions,
      Map<Integer, Long> valuesByVersion,
      long rewrapped,
      List<Integer> retired) {
    this.currentVersion = currentVersion;
    this.versions = List.copyOf(versions);
    this.valuesByVersion = new TreeMap<>(valuesByVersion);
    this.rewrapped = rewrapped;
    this.retired = List.copyOf(retired);
  }

  public int getCurrentVersion() {
    return currentVersion;
  }

  public List<Integer> getVersions() {
    return versions;
  }

  public Map<Integer, Long> getValuesByVersion() {
    return valuesByVersion;
  }

  public long getRewrapped() {
    return rewrapped;
  }

  public List<Integer> getRetired() {
    return retired;
  }
}

package org.patientportal.care.entity;

/**
 * Someone on a patient's care team that a message can be addressed to: a clinician by name, or a
 * pool as a whole. {@link #getAddress()} is how the API and forms name it: the username, or "pool:"
 * and the pool's code.
 */
public class CareRecipient {

  public static final String POOL_PREFIX = "pool:";

  /** Whether the recipient is a person or a pool. */
  public enum Kind {
    USER,
    POOL
  }

  private final Kind kind;
  private final String name;
  private final String displayName;
  private final String poolName;

  public CareRecipient(Kind kind, String name, String displayName, String poolName) {
    this.kind = kind;
    this.name = name;
    this.displayName = displayName;
    this.poolName = poolName;
  }

  public static String address(Kind kind, String name) {
    return kind == Kind.POOL ? POOL_PREFIX + name : name;
  }

  public Kind getKind() {
    return kind;
  }

  /** The username, or the pool's code. */
  public String getName() {
    return name;
  }

  public String getAddress() {
    return address(kind, name);
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getPoolName() {
    return poolName;
  }
}

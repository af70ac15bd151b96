package org.patientportal.care.entity;

import java.io.Serializable;
import java.util.List;

/**
 * A care team as its administrators see it: the pool with its members and patients named. A class
 * with getters (Jakarta EL 5 reads no record accessors); the API turns it into its own record.
 */
public class Team implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A person on the team, with their display name and (for members) their role. */
  public static class Person implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String username;
    private final String displayName;
    private final PoolRole role;

    public Person(String username, String displayName, PoolRole role) {
      this.username = username;
      this.displayName = displayName;
      this.role = role;
    }

    public String getUsername() {
      return username;
    }

    public String getDisplayName() {
      return displayName;
    }

    /** The member's role; null for a patient. */
    public PoolRole getRole() {
      return role;
    }
  }

  private final String code;
  private final String name;
  private final String lead;
  private final List<Person> members;
  private final List<Person> patients;

  public Team(String code, String name, String lead, List<Person> members, List<Person> patients) {
    this.code = code;
    this.name = name;
    this.lead = lead;
    this.members = List.copyOf(members);
    this.patients = List.copyOf(patients);
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  /** The lead's username, or null. */
  public String getLead() {
    return lead;
  }

  public List<Person> getMembers() {
    return members;
  }

  public List<Person> getPatients() {
    return patients;
  }
}

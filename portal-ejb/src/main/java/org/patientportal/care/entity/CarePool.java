package org.patientportal.care.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A team that works messages together (e.g. Breast Oncology): its members (clinicians and staff)
 * and the patients it cares for. Messages can be addressed to the pool as a whole.
 */
@Entity
@Table(name = "care_pool")
@NamedQuery(name = CarePool.BY_CODE, query = "select p from CarePool p where p.code = :code")
@NamedQuery(
    name = CarePool.CARING_FOR,
    query = "select p from CarePool p where :patient member of p.patients order by p.name")
@NamedQuery(
    name = CarePool.CODES_OF_MEMBER,
    query = "select p.code from CarePool p join p.members m where m.username = :username")
public class CarePool {

  public static final String BY_CODE = "CarePool.byCode";
  public static final String CARING_FOR = "CarePool.caringFor";
  public static final String CODES_OF_MEMBER = "CarePool.codesOfMember";

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "care_pool_seq")
  @SequenceGenerator(name = "care_pool_seq", sequenceName = "care_pool_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, updatable = false, length = 64)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  @ElementCollection
  @CollectionTable(name = "care_pool_member", joinColumns = @JoinColumn(name = "pool_id"))
  private Set<PoolMember> members = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "care_pool_patient", joinColumns = @JoinColumn(name = "pool_id"))
  @Column(name = "patient", nullable = false, length = 64)
  private Set<String> patients = new HashSet<>();

  @Column(name = "lead_username", length = 64)
  private String lead;

  protected CarePool() {
    // for JPA
  }

  public CarePool(String code, String name) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("A pool code is lower-case letters, digits and dashes");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("A pool needs a name of at most 200 characters");
    }
    this.code = code;
    this.name = name.strip();
  }

  public void addMember(String username, PoolRole role) {
    members.remove(new PoolMember(username, role));
    members.add(new PoolMember(username, role));
  }

  /**
   * Takes {@code username} off the pool.
   *
   * @return whether they were a member
   * @throws IllegalArgumentException if they lead the pool (name another lead first)
   */
  public boolean removeMember(String username) {
    if (username.equals(lead)) {
      throw new IllegalArgumentException("A pool's lead cannot leave it");
    }
    return members.removeIf(m -> m.getUsername().equals(username));
  }

  /** The role {@code username} has in the pool, or null when they are not a member. */
  public PoolRole roleOf(String username) {
    return members.stream()
        .filter(m -> m.getUsername().equals(username))
        .map(PoolMember::getRole)
        .findFirst()
        .orElse(null);
  }

  public void addPatient(String patient) {
    patients.add(patient);
  }

  /** Whether the pool cared for {@code patient} (it no longer does). */
  public boolean removePatient(String patient) {
    return patients.remove(patient);
  }

  /**
   * Renames the pool (its code never changes).
   *
   * @throws IllegalArgumentException for an empty name or one longer than 200 characters
   */
  public void rename(String newName) {
    if (newName == null || newName.isBlank() || newName.strip().length() > 200) {
      throw new IllegalArgumentException("A pool needs a name of at most 200 characters");
    }
    this.name = newName.strip();
  }

  public boolean hasMember(String username) {
    return members.stream().anyMatch(m -> m.getUsername().equals(username));
  }

  public boolean caresFor(String patient) {
    return patients.contains(patient);
  }

  /**
   * Names the team's lead, who must be a member; {@code null} clears it.
   *
   * @throws IllegalArgumentException if {@code username} is not a member of this pool
   */
  public void setLead(String username) {
    if (username != null && !hasMember(username)) {
      throw new IllegalArgumentException("A pool's lead must be one of its members");
    }
    this.lead = username;
  }

  /** The member escalations go to, or {@code null} when none is named. */
  public String getLead() {
    return lead;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public Set<PoolMember> getMembers() {
    return Collections.unmodifiableSet(members);
  }

  public Set<String> getPatients() {
    return Collections.unmodifiableSet(patients);
  }
}

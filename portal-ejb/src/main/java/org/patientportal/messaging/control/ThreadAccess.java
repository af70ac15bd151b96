package org.patientportal.messaging.control;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.patientportal.care.entity.CareRecipient;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.RecipientKind;
import org.patientportal.messaging.entity.ThreadStatus;

/**
 * Who may see which thread: the one home of messaging's access policy. A reader is on the
 * <em>patient's side</em> of a thread when they are a patient and the thread is theirs; on the
 * <em>care team's side</em> when the thread is addressed to them as a clinician, or to a pool they
 * work as a clinician or staff member, or when it was given to them (its assignee, as a clinician
 * or staff member). Anyone else (other patients, proxies without a grant, communications, auditors,
 * admins) sees nothing. A caregiver holding a patient's grant in force with the MESSAGING scope
 * acts for that patient on the patient's side of the patient's threads ({@link #actsAsProxy}). A
 * clinician covering today for an absent colleague is also on the care team's side of the
 * colleague's <em>open</em> threads addressed to the colleague by name ({@link #coverSide}). In the
 * hospital's business hours, a staff member of a pool is on the care team's side of the
 * <em>open</em> threads addressed by name to a clinician of that pool, when the pool cares for the
 * thread's patient ({@link #staffSide}): the staff process the clinicians' messages (the hospital's
 * email guidelines). A clinician a thread was forwarded to by name, and a clinician or staff member
 * of a pool it was forwarded to, are on its care team's side too ({@link #forwardedSide}). The
 * boundaries ask this; they audit and refuse.
 *
 * <p>The reader's pools are asked for at most once, and only when a pool's thread is in question
 * and the reader holds a role that works pools, so a check adds no query where none is needed; the
 * same for the colleagues the reader covers for, asked only about a thread addressed to another
 * clinician, and for the clinicians a staff member processes for (and the clock), asked only by a
 * staff member about an open thread addressed to a clinician.
 */
public final class ThreadAccess {

  private final String reader;
  private final Set<String> roles;
  private final Supplier<? extends Collection<String>> poolsOfReader;
  private final Supplier<? extends Collection<String>> coveredByReader;
  private Collection<String> pools;
  private Collection<String> covered;
  private Function<Long, ? extends Collection<String>> forwardsOf = id -> List.of();
  private BooleanSupplier businessHours = () -> false;
  private Supplier<? extends Map<String, ? extends Collection<String>>> staffedClinicians = Map::of;
  private Function<String, ? extends Collection<String>> poolsCaringFor = patient -> List.of();
  private Map<String, ? extends Collection<String>> staffed;
  private java.util.function.Predicate<String> messagingGrantFrom = patient -> false;
  private final Map<String, Boolean> grantsAsked = new java.util.HashMap<>();

  /**
   * @param reader the caller's username
   * @param roles the caller's realm roles ({@link Roles})
   * @param poolsOfReader the codes of the pools the caller works, asked for only when needed
   */
  public ThreadAccess(
      String reader, Set<String> roles, Supplier<? extends Collection<String>> poolsOfReader) {
    this(reader, roles, poolsOfReader, List::of);
  }

  /**
   * @param reader the caller's username
   * @param roles the caller's realm roles ({@link Roles})
   * @param poolsOfReader the codes of the pools the caller works, asked for only when needed
   * @param coveredByReader the clinicians the caller covers for today, asked for only when needed
   */
  public ThreadAccess(
      String reader,
      Set<String> roles,
      Supplier<? extends Collection<String>> poolsOfReader,
      Supplier<? extends Collection<String>> coveredByReader) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.roles = Set.copyOf(roles);
    this.poolsOfReader = Objects.requireNonNull(poolsOfReader, "pools of reader");
    this.coveredByReader = Objects.requireNonNull(coveredByReader, "covered by reader");
  }

  /**
   * Lets the check know whom threads were forwarded to: {@code forwardsOf} answers a thread id with
   * the addresses (usernames, or "pool:" and a code) it was forwarded to. It is asked only when no
   * other rule lets the reader in.
   */
  public ThreadAccess withForwards(Function<Long, ? extends Collection<String>> forwardsOf) {
    this.forwardsOf = Objects.requireNonNull(forwardsOf, "forwards of");
    return this;
  }

  /**
   * Lets a staff member process the pools' clinicians' threads in business hours ({@link
   * #staffSide}).
   *
   * @param businessHours whether the hospital is open now (asked at most once)
   * @param staffedClinicians for each clinician of a pool the reader works as staff, the codes of
   *     those pools (asked at most once, only in business hours)
   * @param poolsCaringFor the codes of the pools that care for a patient
   */
  public ThreadAccess withPoolStaff(
      BooleanSupplier businessHours,
      Supplier<? extends Map<String, ? extends Collection<String>>> staffedClinicians,
      Function<String, ? extends Collection<String>> poolsCaringFor) {
    this.businessHours = Objects.requireNonNull(businessHours, "business hours");
    this.staffedClinicians = Objects.requireNonNull(staffedClinicians, "staffed clinicians");
    this.poolsCaringFor = Objects.requireNonNull(poolsCaringFor, "pools caring for");
    return this;
  }

  /**
   * Lets the check know whom the reader (a caregiver) may act for in messaging now: {@code
   * messagingGrantFrom} answers a patient's username with whether that patient's grant with the
   * MESSAGING scope is in force (asked at most once per patient, and only for a proxy).
   */
  public ThreadAccess withProxyGrants(java.util.function.Predicate<String> messagingGrantFrom) {
    this.messagingGrantFrom = Objects.requireNonNull(messagingGrantFrom, "messaging grant from");
    return this;
  }

  public String reader() {
    return reader;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** Whether the reader may open the thread, reply to it and download its attachments. */
  public boolean mayRead(MessageThread thread) {
    return patientSide(thread) || actsAsProxy(thread) || careSide(thread);
  }

  /**
   * The reader is a caregiver acting for the thread's patient: a proxy holding that patient's grant
   * with the MESSAGING scope, neither expired nor revoked. The one place proxies are let in: what a
   * proxy may not see of a thread (sensitive topics) is decided here too.
   */
  public boolean actsAsProxy(MessageThread thread) {
    // a flagged thread (a sensitive topic) is never a caregiver's: maySeeFlagged refuses them
    return mayActFor(thread.getPatient()) && maySeeFlagged(thread);
  }

  /** Whether the reader is a proxy who may read and write {@code patient}'s messages now. */
  public boolean mayActFor(String patient) {
    if (patient == null || !hasRole(Roles.PROXY) || patient.equals(reader)) {
      return false;
    }
    return grantsAsked.computeIfAbsent(patient, messagingGrantFrom::test);
  }

  /**
   * <b>The one rule for flagged threads</b> (a message of them touches a sensitive topic): the
   * thread's patient sees it, a clinician sees it by the other rules, and anyone else (pool staff)
   * only when it is theirs by name: addressed to them, or given to them. {@link #careSide} asks it,
   * so every check of a thread does; {@link #listsFlagged} is the same rule for the lists' queries
   * and must change with it. A proxy never sees a flagged thread: they are neither its patient nor
   * a clinician, nor is it theirs by name ({@link #actsAsProxy}, and the caregiver's range in
   * {@code ThreadQueries}).
   */
  public boolean maySeeFlagged(MessageThread thread) {
    if (!thread.isFlagged() || patientSide(thread)) {
      return true;
    }
    boolean byName =
        reader.equals(thread.getAssignee())
            || (thread.getRecipientKind() == RecipientKind.USER
                && reader.equals(thread.getRecipient()));
    return listsFlagged(byName);
  }

  /**
   * The list-side counterpart of {@link #maySeeFlagged}: whether a range of the reader's work list
   * may show flagged threads. {@code byName}: the range is of threads addressed or given to the
   * reader by name (not to a pool, a covered colleague or a staffed clinician).
   */
  public boolean listsFlagged(boolean byName) {
    return byName || hasRole(Roles.CLINICIAN);
  }

  /** The thread is the reader's own, as its patient. */
  public boolean patientSide(MessageThread thread) {
    return hasRole(Roles.PATIENT) && thread.getPatient().equals(reader);
  }

  /**
   * The thread is addressed to the reader as a clinician, or to a pool the reader works, and, if it
   * is flagged, {@link #maySeeFlagged} lets the reader see it.
   */
  public boolean careSide(MessageThread thread) {
    return careSideUnflagged(thread) && maySeeFlagged(thread);
  }

  private boolean careSideUnflagged(MessageThread thread) {
    if (worksPools() && reader.equals(thread.getAssignee())) {
      return true;
    }
    boolean addressed;
    if (thread.getRecipientKind() == RecipientKind.USER) {
      addressed =
          (hasRole(Roles.CLINICIAN) && (thread.getRecipient().equals(reader) || coverSide(thread)))
              || staffSide(thread);
    } else {
      addressed = worksPools() && pools().contains(thread.getRecipient());
    }
    return addressed || forwardedSide(thread);
  }

  /**
   * The thread was forwarded to the reader as a clinician, or to a pool the reader works as a
   * clinician or staff member.
   */
  public boolean forwardedSide(MessageThread thread) {
    if (!worksPools() || thread.getId() == null) {
      return false;
    }
    for (String address : forwardsOf.apply(thread.getId())) {
      if (address.startsWith(CareRecipient.POOL_PREFIX)) {
        if (pools().contains(address.substring(CareRecipient.POOL_PREFIX.length()))) {
          return true;
        }
      } else if (hasRole(Roles.CLINICIAN) && address.equals(reader)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The thread is open, addressed by name to a clinician who is away today, and the reader (a
   * clinician) covers for them.
   */
  public boolean coverSide(MessageThread thread) {
    return thread.getRecipientKind() == RecipientKind.USER
        && thread.getStatus() == ThreadStatus.OPEN
        && hasRole(Roles.CLINICIAN)
        && !thread.getRecipient().equals(reader)
        && covered().contains(thread.getRecipient());
  }

  /** The clinicians the reader covers for today (asked for once; none for a non-clinician). */
  public Collection<String> covered() {
    if (covered == null) {
      covered = hasRole(Roles.CLINICIAN) ? coveredByReader.get() : List.of();
    }
    return covered;
  }

  /**
   * The thread is open and addressed by name to a clinician of a pool the reader (a staff member)
   * works as staff, that pool cares for the thread's patient, and it is business hours now. Outside
   * them, the thread is the reader's only by another rule (given to them, forwarded to their pool).
   */
  public boolean staffSide(MessageThread thread) {
    if (!hasRole(Roles.STAFF)
        || thread.getRecipientKind() != RecipientKind.USER
        || thread.getStatus() != ThreadStatus.OPEN) {
      return false;
    }
    Collection<String> pools = staffed().get(thread.getRecipient());
    if (pools == null || pools.isEmpty()) {
      return false;
    }
    return !Collections.disjoint(pools, poolsCaringFor.apply(thread.getPatient()));
  }

  /**
   * The clinicians whose open threads the reader processes now as a staff member, each with the
   * codes of the reader's pools they work (asked for once; none outside business hours, and none
   * for a reader who is not staff).
   */
  public Map<String, ? extends Collection<String>> staffed() {
    if (staffed == null) {
      staffed =
          hasRole(Roles.STAFF) && businessHours.getAsBoolean() ? staffedClinicians.get() : Map.of();
    }
    return staffed;
  }

  /** Whether the reader's role lets them work a pool's queue at all. */
  public boolean worksPools() {
    return hasRole(Roles.CLINICIAN) || hasRole(Roles.STAFF);
  }

  /** The codes of the pools the reader works (asked for once). */
  public Collection<String> pools() {
    if (pools == null) {
      pools = poolsOfReader.get();
    }
    return pools;
  }
}

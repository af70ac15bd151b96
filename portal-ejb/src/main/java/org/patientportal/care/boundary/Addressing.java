package org.patientportal.care.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.CareRecipient;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * Where a message to or from a patient may go, by the care team: a patient writes to a pool caring
 * for them or to one of its clinicians; a clinician on the patient's care team has the replies come
 * to them or to one of their pools caring for the patient. One query each; runs in the caller's
 * transaction and leaves refusing and auditing to the caller.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Addressing {

  @Inject CareDirectory care;
  @Inject HospitalDays days;

  /**
   * The recipient {@code to} names (a clinician's username, or "pool:" and a pool's code), when it
   * is on {@code patient}'s care team.
   *
   * @throws InvalidInputException on the field "to" when it is empty or not on the care team
   */
  public CareRecipient fromPatient(String patient, String to) {
    String address = to == null ? "" : to.strip();
    if (address.isEmpty()) {
      throw new InvalidInputException("to", "{care.to.required}");
    }
    Optional<CareRecipient> found;
    if (address.startsWith(CareRecipient.POOL_PREFIX)) {
      String code = address.substring(CareRecipient.POOL_PREFIX.length());
      found =
          care.poolCaringFor(patient, code)
              .map(p -> new CareRecipient(CareRecipient.Kind.POOL, code, p.getName(), p.getName()));
    } else {
      found =
          care.clinicianPoolCaringFor(patient, address)
              .map(pool -> new CareRecipient(CareRecipient.Kind.USER, address, address, pool));
    }
    return found.orElseThrow(() -> new InvalidInputException("to", "{care.to.notOnCareTeam}"));
  }

  /** How many covers of covers are followed before giving up (a chain that long is a mistake). */
  static final int MAX_COVERS = 5;

  /**
   * The colleague who takes a new message for {@code to} today: when {@code to} is a clinician away
   * today, the clinician covering for them, or, when that one is away too, their cover, and so on:
   * the first one present (a person, no pool). Empty when {@code to} is not away, or when the
   * covers come back round to someone already asked or run past {@link #MAX_COVERS} (nobody present
   * to hand it to: the message goes where it was addressed, where the team's staff and the
   * escalation to the lead see it). Read in the sender's transaction, never cached, so a recorded
   * or deleted away period counts for the next message.
   */
  public Optional<CareRecipient> coverFor(CareRecipient to) {
    if (to.getKind() != CareRecipient.Kind.USER) {
      return Optional.empty();
    }
    LocalDate today = days.today();
    return presentCover(to.getName(), clinician -> care.coverOn(clinician, today))
        .map(cover -> new CareRecipient(CareRecipient.Kind.USER, cover, cover, to.getPoolName()));
  }

  /**
   * The clinicians whose open threads {@code cover} may work today: those they cover, and those
   * covered in turn by these (who are away), as far as {@link #MAX_COVERS}.
   */
  public List<String> coveredBy(String cover) {
    LocalDate today = days.today();
    return coveredThrough(cover, clinician -> care.coveredBy(clinician, today));
  }

  /** The first one down the chain of covers from {@code clinician} who is not away; see above. */
  static Optional<String> presentCover(
      String clinician, Function<String, Optional<String>> coverOf) {
    Set<String> asked = new HashSet<>(Set.of(clinician));
    Optional<String> cover = coverOf.apply(clinician);
    for (int hops = 1; cover.isPresent(); hops++) {
      String next = cover.get();
      if (!asked.add(next) || hops > MAX_COVERS) {
        return Optional.empty();
      }
      Optional<String> further = coverOf.apply(next);
      if (further.isEmpty()) {
        return cover;
      }
      cover = further;
    }
    return Optional.empty();
  }

  /** Everyone {@code cover} covers, directly or through covers who are away themselves. */
  static List<String> coveredThrough(String cover, Function<String, List<String>> coveredBy) {
    Set<String> found = new LinkedHashSet<>();
    List<String> level = List.of(cover);
    for (int hops = 0; hops < MAX_COVERS && !level.isEmpty(); hops++) {
      List<String> next = new ArrayList<>();
      for (String one : level) {
        for (String covered : coveredBy.apply(one)) {
          if (!covered.equals(cover) && found.add(covered)) {
            next.add(covered);
          }
        }
      }
      level = next;
    }
    return List.copyOf(found);
  }

  /**
   * Where the replies to {@code clinician}'s message to {@code patient} go: to the clinician
   * ({@code to} empty or their username), or to a pool ("pool:" and its code) they work that cares
   * for the patient. Empty when the clinician is not on the patient's care team at all.
   *
   * @throws InvalidInputException on the field "to" for any other address
   */
  public Optional<CareRecipient> fromClinician(String clinician, String patient, String to) {
    List<CarePool> pools = care.poolsCaringFor(patient);
    List<CarePool> shared = pools.stream().filter(p -> p.hasMember(clinician)).toList();
    if (shared.isEmpty()) {
      return Optional.empty();
    }
    String address = to == null ? "" : to.strip();
    if (address.isEmpty() || address.equals(clinician)) {
      return Optional.of(new CareRecipient(CareRecipient.Kind.USER, clinician, clinician, null));
    }
    if (address.startsWith(CareRecipient.POOL_PREFIX)) {
      String code = address.substring(CareRecipient.POOL_PREFIX.length());
      Optional<CarePool> pool = shared.stream().filter(p -> p.getCode().equals(code)).findFirst();
      if (pool.isPresent()) {
        return Optional.of(
            new CareRecipient(
                CareRecipient.Kind.POOL, code, pool.get().getName(), pool.get().getName()));
      }
    }
    throw new InvalidInputException("to", "{care.replyTo.notYours}", Map.of());
  }
}

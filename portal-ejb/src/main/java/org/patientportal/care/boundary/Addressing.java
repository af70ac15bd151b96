package org.patientportal.care.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /**
   * The colleague who takes a new message for {@code to} today: when {@code to} is a clinician away
   * today, the clinician covering for them (a person, no pool); otherwise empty, and the message
   * goes where it was addressed. Read in the sender's transaction, never cached, so a recorded or
   * deleted away period counts for the next message.
   */
  public Optional<CareRecipient> coverFor(CareRecipient to) {
    if (to.getKind() != CareRecipient.Kind.USER) {
      return Optional.empty();
    }
    return care.coverOn(to.getName(), days.today())
        .map(cover -> new CareRecipient(CareRecipient.Kind.USER, cover, cover, to.getPoolName()));
  }

  /** The clinicians {@code cover} covers for today (whose open threads they may work). */
  public java.util.List<String> coveredBy(String cover) {
    return care.coveredBy(cover, days.today());
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

package org.patientportal.records.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.boundary.ThreadFiling;
import org.patientportal.messaging.entity.FilingCopy;
import org.patientportal.platform.boundary.Ids;
import org.patientportal.records.control.RecordSigner;
import org.patientportal.records.control.RecordSigningKey;
import org.patientportal.records.control.RecordSnapshot;
import org.patientportal.records.entity.Amendable;
import org.patientportal.records.entity.FiledEntry;
import org.patientportal.records.entity.RecordEntry;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * The medical record's edge. A clinician on a thread's care team side files it (or chosen messages
 * of it) as an immutable, sealed and signed entry, audited as FILED; a later version may amend the
 * latest version of an entry of the same thread, pointing at it, for a reason that is sealed and
 * signed with it (nothing is ever changed or deleted). The patient's care team (clinicians and
 * staff of a pool caring for them) lists and reads the entries, each read audited as RECORD_OPENED;
 * every read verifies the seal, the hash and the signature. Anyone else finds nothing, and the
 * refusal is audited as ACCESS_DENIED.
 */
@Stateless
@RolesAllowed({Roles.CLINICIAN, Roles.STAFF})
public class MedicalRecord {

  private static final Logger LOG = Logger.getLogger(MedicalRecord.class.getName());

  @Resource SessionContext session;
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @EJB AuditService auditService;
  @EJB ThreadFiling filing;
  @Inject CareDirectory care;
  @Inject People people;
  @Inject Crypto crypto;
  @Inject Ids ids;
  @Inject RecordSigner signer;

  /** The longest reason an amendment may give. */
  public static final int MAX_REASON = 2000;

  /**
   * Files the thread's messages named (all when none are) as a new entry, or as a new version of
   * {@code amends} (an entry of the same thread, its latest version) for the {@code reason} given,
   * which an amendment requires. The reason is sealed and signed with what is filed.
   *
   * @return the new entry's id
   * @throws InvalidInputException (field "messageIds", "amends" or "reason")
   * @throws ConflictException when {@code amends} has been amended already
   */
  @RolesAllowed(Roles.CLINICIAN)
  public long file(long threadId, List<Long> messageIds, Long amends, String reason) {
    String me = caller();
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (amends != null && why == null) {
      throw new InvalidInputException("reason", "{records.filing.reason.required}");
    }
    if (why != null && why.length() > MAX_REASON) {
      throw new InvalidInputException(
          "reason", "{records.filing.reason.tooLong}", Map.of("max", MAX_REASON));
    }
    FilingCopy copy = filing.copy(threadId, messageIds);
    int version = 1;
    if (amends != null) {
      RecordEntry previous = em.find(RecordEntry.class, amends);
      if (previous == null || previous.getThreadId() != threadId) {
        throw new InvalidInputException("amends", "{records.filing.amends.notFound}");
      }
      if (amendmentOf(amends) != null) {
        throw new ConflictException("record-entry-amended", "{records.filing.amends.superseded}");
      }
      version = previous.getVersion() + 1;
    }
    long id = ids.next("record_entry_seq");
    // the databases keep microseconds: what is signed must read back the same
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String snapshot = RecordSnapshot.json(id, me, now, copy, why);
    byte[] sha256 = RecordSigningKey.sha256(snapshot);
    RecordSigningKey key = signer.key();
    byte[] signature =
        key.sign(
            RecordEntry.signedText(id, copy.patient(), threadId, version, amends, me, now, sha256));
    em.persist(
        new RecordEntry(
            id,
            copy.patient(),
            threadId,
            version,
            amends,
            me,
            now,
            copy.messages().size(),
            crypto.seal(snapshot, RecordEntry.snapshotOwner(id)),
            sha256,
            key.keyId(),
            signature));
    filing.filed(threadId);
    audit.record(
        me,
        copy.patient(),
        AuditAction.FILED,
        "record/"
            + id
            + " of thread/"
            + threadId
            + (amends == null ? "" : " amends record/" + amends),
        AuditOutcome.SUCCESS);
    return id;
  }

  /**
   * The entries of {@code patient}'s record, newest first, for a member of their care team; the
   * listing is audited as RECORD_OPENED.
   */
  public List<FiledEntry> entries(String patient) {
    String me = caller();
    if (patient == null || !care.onCareTeam(me, patient)) {
      auditService.recordDenied("patient/" + patient + "/record", patient);
      throw new NotFoundException("{records.patient.notFound}");
    }
    List<RecordEntry> entries =
        em.createNamedQuery(RecordEntry.OF_PATIENT, RecordEntry.class)
            .setParameter("patient", patient)
            .getResultList();
    Map<Long, Long> amendedBy = new HashMap<>();
    for (RecordEntry e : entries) {
      if (e.getPreviousId() != null) {
        amendedBy.put(e.getPreviousId(), e.getId());
      }
    }
    Set<String> filers = new HashSet<>();
    entries.forEach(e -> filers.add(e.getFiledBy()));
    Map<String, String> names = people.displayNames(filers);
    List<FiledEntry> filed = new ArrayList<>(entries.size());
    for (RecordEntry e : entries) {
      filed.add(read(e, amendedBy.get(e.getId()), names));
    }
    audit.record(
        me,
        patient,
        AuditAction.RECORD_OPENED,
        "patient/" + patient + "/record",
        AuditOutcome.SUCCESS);
    return filed;
  }

  /**
   * One entry, verified, for a member of its patient's care team; audited as RECORD_OPENED.
   *
   * @throws ConflictException when the entry fails its checks (and the failure is logged)
   */
  public FiledEntry entry(long id) {
    String me = caller();
    RecordEntry entry = em.find(RecordEntry.class, id);
    if (entry == null || !care.onCareTeam(me, entry.getPatient())) {
      auditService.recordDenied("record/" + id, entry == null ? null : entry.getPatient());
      throw new NotFoundException("{records.entry.notFound}");
    }
    FiledEntry filed =
        read(entry, amendmentOf(id), people.displayNames(Set.of(entry.getFiledBy())));
    if (!filed.isIntact()) {
      throw new ConflictException("record-entry-tampered", "{records.entry.tampered}");
    }
    audit.record(
        me, entry.getPatient(), AuditAction.RECORD_OPENED, "record/" + id, AuditOutcome.SUCCESS);
    return filed;
  }

  /**
   * The latest version of entry {@code id}, verified (and audited as opened, as {@link #entry} is),
   * with the messages its thread now holds, for a clinician of the thread's care team to amend it.
   * A clinician off the thread's care team finds no such thread (audited).
   *
   * @throws ConflictException when the entry has been amended already
   */
  @RolesAllowed(Roles.CLINICIAN)
  public Amendable amendable(long id) {
    FiledEntry entry = entry(id);
    if (!entry.isLatest()) {
      throw new ConflictException("record-entry-amended", "{records.filing.amends.superseded}");
    }
    return new Amendable(entry, filing.choices(entry.getThreadId()));
  }

  /** An entry opened and verified: seal, hash, signature, and that it names the same facts. */
  private FiledEntry read(RecordEntry e, Long amendedBy, Map<String, String> names) {
    String name = names.getOrDefault(e.getFiledBy(), e.getFiledBy());
    FilingCopy content = null;
    String reason = null;
    boolean intact = false;
    try {
      String snapshot = crypto.open(e.getSnapshot(), RecordEntry.snapshotOwner(e.getId()));
      // the key named by the entry: the current one, or an older one kept since a rotation
      RecordSigningKey key = signer.key(e.getSigningKeyId());
      if (key != null
          && MessageDigest.isEqual(RecordSigningKey.sha256(snapshot), e.getSnapshotSha256())
          && key.verifies(e.signedText(), e.getSignature())) {
        content = RecordSnapshot.read(snapshot);
        reason = RecordSnapshot.reason(snapshot);
        intact =
            content.patient().equals(e.getPatient())
                && content.threadId() == e.getThreadId()
                && content.messages().size() == e.getMessageCount();
      }
    } catch (RuntimeException failed) {
      LOG.log(Level.SEVERE, "Record entry " + e.getId() + " could not be opened", failed);
    }
    if (!intact) {
      LOG.severe(() -> "Record entry " + e.getId() + " fails its signature check");
    }
    return new FiledEntry(e, amendedBy, name, intact, content, reason);
  }

  private Long amendmentOf(long id) {
    return em.createNamedQuery(RecordEntry.AMENDMENT_OF, Long.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}

package org.patientportal.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.patientportal.audit.entity.AccessReportLine;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.audit.entity.AuditQuery;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.Roles;
import org.patientportal.shared.entity.InvalidInputException;

/** The audit log's edge: auditors search it; every tier may report a refusal to it. */
@Stateless
public class AuditService {

  @PersistenceContext EntityManager em;
  @Inject AuditLog log;
  @Resource SessionContext session;
  @Inject People people;

  /** The most entries one export holds; a larger result asks for narrower criteria. */
  public static final int EXPORT_LIMIT = 50_000;

  /**
   * Searches the log, newest first: one page, by number or (fast at any depth) older than {@link
   * AuditQuery#before()}. Nothing counts the matching entries. The search itself is recorded.
   */
  @RolesAllowed(Roles.AUDITOR)
  public List<AuditEntry> search(AuditQuery query) {
    List<AuditEntry> found =
        em.createQuery(criteria(query))
            .setFirstResult(query.page() * query.pageSize())
            .setMaxResults(query.pageSize())
            .getResultList();
    log.record(
        caller(),
        query.patient(),
        AuditAction.AUDIT_SEARCH,
        query.describe(),
        AuditOutcome.SUCCESS);
    return found;
  }

  /**
   * Every entry matching the criteria (paging ignored, {@code before} kept), newest first, for an
   * export in {@code format}; at most {@link #EXPORT_LIMIT}. The export itself is recorded.
   */
  @RolesAllowed(Roles.AUDITOR)
  public List<AuditEntry> export(AuditQuery query, String format) {
    List<AuditEntry> found =
        em.createQuery(criteria(query)).setMaxResults(EXPORT_LIMIT + 1).getResultList();
    if (found.size() > EXPORT_LIMIT) {
      throw new InvalidInputException(
          "to",
          "More than "
              + EXPORT_LIMIT
              + " entries match; narrow the criteria (a shorter time range) and export in parts.");
    }
    log.record(
        caller(),
        query.patient(),
        AuditAction.AUDIT_EXPORT,
        query.describe() + " format=" + format + " entries=" + found.size(),
        AuditOutcome.SUCCESS);
    return found;
  }

  private CriteriaQuery<AuditEntry> criteria(AuditQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEntry> cq = cb.createQuery(AuditEntry.class);
    Root<AuditEntry> e = cq.from(AuditEntry.class);
    List<Predicate> where = new ArrayList<>();
    if (query.patient() != null) {
      where.add(cb.equal(e.get("patient"), query.patient()));
    }
    if (query.actor() != null) {
      where.add(cb.equal(e.get("actor"), query.actor()));
    }
    if (query.action() != null) {
      where.add(cb.equal(e.get("action"), query.action()));
    }
    if (query.from() != null) {
      where.add(cb.greaterThanOrEqualTo(e.get("at"), query.from()));
    }
    if (query.to() != null) {
      where.add(cb.lessThan(e.get("at"), query.to()));
    }
    if (query.outcome() != null) {
      where.add(cb.equal(e.get("outcome"), query.outcome()));
    }
    if (query.before() != null) {
      where.add(cb.lessThan(e.get("seq"), query.before()));
    }
    return cq.where(where.toArray(Predicate[]::new)).orderBy(cb.desc(e.get("seq")));
  }

  /**
   * The hospital's medical record numbers of the patients {@code entries} name, by username (those
   * without one are left out), for exports that identify patients as the hospital does.
   */
  @RolesAllowed(Roles.AUDITOR)
  public java.util.Map<String, String> medicalRecordNumbers(List<AuditEntry> entries) {
    return people.medicalRecordNumbers(
        entries.stream()
            .map(AuditEntry::getPatient)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList());
  }

  /** What a patient's access report lists: reads of their messages, and refused attempts. */
  static final List<AuditAction> REPORTED =
      List.of(
          AuditAction.MESSAGE_OPENED, AuditAction.ATTACHMENT_DOWNLOADED, AuditAction.ACCESS_DENIED);

  /**
   * The calling patient's access report, newest first: who else opened their messages or
   * attachments, or was refused them, when and in what role. Only ever the caller's own; a refused
   * attempt by someone who is not care staff names no one (see {@link AccessReportLine}).
   */
  @RolesAllowed(Roles.PATIENT)
  public List<AccessReportLine> myAccessLog(int page, int size) {
    AuditQuery.checkPage(page, size);
    String me = caller();
    List<AuditEntry> entries =
        em.createQuery(
                "select e from AuditEntry e where e.patient = :me and e.actor <> :me"
                    + " and e.action in :actions order by e.seq desc",
                AuditEntry.class)
            .setParameter("me", me)
            .setParameter("actions", REPORTED)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    java.util.Map<String, String> names =
        people.displayNames(
            entries.stream()
                .filter(e -> !AccessReportLine.hidesActor(e))
                .map(AuditEntry::getActor)
                .distinct()
                .toList());
    return entries.stream().map(e -> new AccessReportLine(e, names.get(e.getActor()))).toList();
  }

  /**
   * Records that the caller was refused {@code resource}. It commits on its own, because the
   * refused work rolls back.
   */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordDenied(String resource) {
    recordDenied(resource, null);
  }

  /** As {@link #recordDenied(String)}, naming the patient whose record was refused. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordDenied(String resource, String patient) {
    log.record(caller(), patient, AuditAction.ACCESS_DENIED, resource, AuditOutcome.DENIED);
  }

  /**
   * Records that the caller was refused something for a reason other than authority ({@code
   * action}, outcome DENIED), in a transaction of its own, because the refused work rolls back.
   */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordRefused(AuditAction action, String resource, String patient) {
    log.record(caller(), patient, action, resource, AuditOutcome.DENIED);
  }

  /**
   * Records a check an auditor made (e.g. of the hash chain) in a transaction of its own, as the
   * calling user.
   */
  @RolesAllowed(Roles.AUDITOR)
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordCheck(AuditAction action, String resource, AuditOutcome outcome) {
    log.record(caller(), null, action, resource, outcome);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}

package org.patientportal.requests.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.care.boundary.Proxies;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.PoolMember;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.PortalUser;
import org.patientportal.identity.entity.Roles;
import org.patientportal.mail.boundary.Notifications;
import org.patientportal.messaging.boundary.RequestThreads;
import org.patientportal.messaging.entity.Message;
import org.patientportal.messaging.entity.RequestStatus;
import org.patientportal.platform.boundary.Ids;
import org.patientportal.requests.entity.CareRequest;
import org.patientportal.requests.entity.NewRequest;
import org.patientportal.requests.entity.RequestDetail;
import org.patientportal.requests.entity.RequestFiled;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.ForbiddenException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.Jsonp;
import org.patientportal.shared.entity.NotFoundException;
import org.patientportal.shared.entity.UserText;

/**
 * Requests' edge. A patient files a request for themselves; a clinician or staff member files one
 * for a patient one of their teams cares for ({@code patient}); a caregiver files for a patient
 * whose grant with the REQUESTS scope is in force. The request becomes a thread of its category to
 * the chosen team's pool (by default the first caring for the patient) and its staff get an email
 * that says nothing of it. Only a clinician or staff member of that team moves its status, with a
 * note the patient reads in the thread and an email that says only that there is news. Anything
 * refused is audited as ACCESS_DENIED: answered 403 to the request's own patient (who knows it
 * exists; the web layer audits a 403 as it answers it), 404 to anyone else (audited here).
 * Everything done is audited.
 */
@Stateless
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.CLINICIAN, Roles.STAFF})
public class Requests {

  /** The most requests a list shows: the newest. */
  public static final int LIST_LIMIT = 200;

  private static final String NOT_FOUND = "{requests.notFound}";

  @Resource SessionContext session;
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @EJB AuditService auditService;
  @Inject CareDirectory care;
  @Inject People people;
  @Inject Validator validator;
  @Inject Crypto crypto;
  @Inject Ids ids;
  @Inject RequestThreads threads;
  @Inject Notifications notifications;
  @Inject Proxies proxies;

  /** Files a request: see the class comment for who may file for whom. */
  public RequestFiled file(NewRequest command) {
    String me = caller();
    NewRequest c = valid(command);
    String patient;
    String onBehalfOf = null;
    List<CarePool> teams;
    if (session.isCallerInRole(Roles.PATIENT) && (c.patient() == null || c.patient().equals(me))) {
      patient = me;
      teams = care.poolsCaringFor(me);
      if (teams.isEmpty()) {
        throw new ConflictException("no-care-team", "{requests.noCareTeam}");
      }
    } else if (session.isCallerInRole(Roles.CLINICIAN) || session.isCallerInRole(Roles.STAFF)) {
      if (c.patient() == null) {
        throw new InvalidInputException("patient", "{requests.patient.required}");
      }
      patient = c.patient();
      teams = care.poolsOfMemberCaringFor(me, patient);
      if (teams.isEmpty()) {
        throw deny("patient/" + patient, patient);
      }
    } else if (session.isCallerInRole(Roles.PROXY)
        && proxies.mayActFor(me, c.patient(), ProxyScope.REQUESTS)) {
      // a caregiver files for the patient they act for, under a grant with the REQUESTS scope
      patient = c.patient();
      onBehalfOf = patient;
      teams = care.poolsCaringFor(patient);
      if (teams.isEmpty()) {
        throw new ConflictException("no-care-team", "{requests.noCareTeam}");
      }
    } else {
      // a proxy without a grant in force for the patient, with that scope; anyone else
      throw deny("patient/" + (c.patient() == null ? "" : c.patient()), c.patient());
    }
    CarePool team = teams.get(0);
    if (c.team() != null) {
      team =
          teams.stream()
              .filter(p -> p.getCode().equals(c.team()))
              .findFirst()
              .orElseThrow(() -> new InvalidInputException("team", "{requests.team.notYours}"));
    }

    Instant now = clock.instant();
    Locale language = languageOf(patient);
    Map<String, String> fields = c.fields();
    String subject = UserText.of("{requests.subject." + c.type().name() + "}", Map.of(), language);
    long threadId =
        threads.open(
            patient, me, c.type().category(), team.getCode(), subject, body(fields, language), now);
    long id = ids.next("care_request_seq");
    CareRequest request =
        new CareRequest(
            id,
            threadId,
            patient,
            team.getCode(),
            c.type(),
            me,
            now,
            crypto.seal(json(fields), CareRequest.detailsOwner(id)));
    em.persist(request);
    audit.recordOnBehalf(
        me,
        onBehalfOf,
        patient,
        AuditAction.REQUEST_SUBMITTED,
        "request/" + id + " thread/" + threadId + " " + c.type().name(),
        AuditOutcome.SUCCESS);
    for (PoolMember member : team.getMembers()) {
      if (member.getRole() == PoolRole.STAFF && !member.getUsername().equals(me)) {
        notifications.newRequest(
            member.getUsername(), "request/" + id + "/new/to/" + member.getUsername());
      }
    }
    return new RequestFiled(id, threadId, request.getStatus());
  }

  /** The care teams a calling patient may send a request to (none for other roles). */
  public List<CarePool> teams() {
    return session.isCallerInRole(Roles.PATIENT) ? care.poolsCaringFor(caller()) : List.of();
  }

  /**
   * The caller's requests, newest first (at most {@link #LIST_LIMIT}): a patient's own; for a
   * clinician or staff member, those filed to their teams. Lists open no seal: no fields.
   */
  public List<RequestDetail> list() {
    return list(null, LIST_LIMIT);
  }

  /**
   * One page of the caller's requests, newest first: those with an id below {@code before} (null:
   * from the newest), at most {@code size} (1 to {@link #LIST_LIMIT}). Keyset paging: the next page
   * is the one before the last id of this one.
   */
  public List<RequestDetail> list(Long before, int size) {
    String me = caller();
    int limit = Math.max(1, Math.min(size, LIST_LIMIT));
    String below = before == null ? "" : " and r.id < :before";
    TypedQuery<CareRequest> query;
    if (session.isCallerInRole(Roles.CLINICIAN) || session.isCallerInRole(Roles.STAFF)) {
      List<String> pools = care.poolsOf(me);
      if (pools.isEmpty()) {
        return List.of();
      }
      query =
          em.createQuery(
                  "select r from CareRequest r where r.poolCode in :pools"
                      + below
                      + " order by r.id desc",
                  CareRequest.class)
              .setParameter("pools", pools);
    } else if (session.isCallerInRole(Roles.PATIENT)) {
      query =
          em.createQuery(
                  "select r from CareRequest r where r.patient = :patient"
                      + below
                      + " order by r.id desc",
                  CareRequest.class)
              .setParameter("patient", me);
    } else {
      return List.of();
    }
    if (before != null) {
      query.setParameter("before", before);
    }
    List<CareRequest> found = query.setMaxResults(limit).getResultList();
    Set<String> patients = new HashSet<>();
    found.forEach(r -> patients.add(r.getPatient()));
    Map<String, String> names = people.displayNames(patients);
    Map<String, String> teams = new HashMap<>();
    return found.stream()
        .map(
            r ->
                new RequestDetail(
                    r, names.get(r.getPatient()), teamName(teams, r.getPoolCode()), null))
        .toList();
  }

  /**
   * The requests of the patient a calling caregiver acts for, newest first (at most {@link
   * #LIST_LIMIT}), under a grant with the REQUESTS scope in force; anyone else's is not found.
   * Lists open no seal: no fields.
   */
  @RolesAllowed(Roles.PROXY)
  public List<RequestDetail> ofPatientActedFor(String patient) {
    String me = caller();
    if (patient == null || !proxies.mayActFor(me, patient, ProxyScope.REQUESTS)) {
      throw deny("patient/" + (patient == null ? "" : patient), patient);
    }
    List<CareRequest> found =
        em.createQuery(
                "select r from CareRequest r where r.patient = :patient order by r.id desc",
                CareRequest.class)
            .setParameter("patient", patient)
            .setMaxResults(LIST_LIMIT)
            .getResultList();
    String name = people.displayNames(Set.of(patient)).get(patient);
    Map<String, String> teams = new HashMap<>();
    return found.stream()
        .map(r -> new RequestDetail(r, name, teamName(teams, r.getPoolCode()), null))
        .toList();
  }

  /** One request with its fields, for its patient or its team; audited as REQUEST_OPENED. */
  public RequestDetail open(long id) {
    String me = caller();
    CareRequest r = em.find(CareRequest.class, id);
    if (r == null || !(me.equals(r.getPatient()) || onTeam(r, me))) {
      throw deny("request/" + id, r == null ? null : r.getPatient());
    }
    audit.record(
        me, r.getPatient(), AuditAction.REQUEST_OPENED, "request/" + id, AuditOutcome.SUCCESS);
    return detail(r, fields(r));
  }

  /** The request a thread is, if the caller may move its status (for the thread's page). */
  public Optional<RequestDetail> handledOfThread(long threadId) {
    String me = caller();
    return em.createNamedQuery(CareRequest.OF_THREAD, CareRequest.class)
        .setParameter("thread", threadId)
        .getResultStream()
        .findFirst()
        .filter(r -> onTeam(r, me))
        .map(r -> detail(r, null));
  }

  /**
   * Moves a request to {@code status} with {@code note}: only a clinician or staff member of the
   * team it went to, and only along the legal steps ({@link RequestStatus#next()}).
   *
   * @throws NotFoundException for someone who may not know the request (audited)
   * @throws ForbiddenException for the request's own patient (audited)
   * @throws InvalidInputException (fields "status", "note") for a missing or unknown status or note
   * @throws ConflictException (type "request-status") for a step that is not legal from here
   */
  public RequestDetail changeStatus(long id, String status, String note) {
    String me = caller();
    CareRequest r = em.find(CareRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (r == null || !onTeam(r, me)) {
      if (r != null && me.equals(r.getPatient())) {
        // the web layer audits every refusal it answers 403 (ProblemMapper, the views' handler)
        throw new ForbiddenException("{requests.status.notYours}");
      }
      throw deny("request/" + id + "/status", r == null ? null : r.getPatient());
    }
    RequestStatus next = RequestStatus.parse(status);
    String text = note == null ? "" : note.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("note", "{requests.note.required}");
    }
    if (text.length() > Message.MAX_BODY) {
      throw new InvalidInputException(
          "note", "{requests.note.tooLong}", Map.of("max", Message.MAX_BODY));
    }
    RequestStatus from = r.getStatus();
    Instant now = clock.instant();
    r.moveTo(next, now);
    threads.statusChanged(r.getThreadId(), me, next, text, now);
    audit.record(
        me,
        r.getPatient(),
        AuditAction.REQUEST_STATUS_CHANGED,
        "request/" + id + " " + from.name() + "->" + next.name(),
        AuditOutcome.SUCCESS);
    notifications.requestStatusChanged(
        r.getPatient(), "request/" + id + "/status/" + next.name() + "/to/" + r.getPatient());
    return detail(r, null);
  }

  private NewRequest valid(NewRequest command) {
    if (command == null) {
      throw new InvalidInputException("type", "{requests.type.required}");
    }
    Set<ConstraintViolation<NewRequest>> violations =
        command.type() == null
            ? validator.validate(command, Default.class)
            : validator.validate(command, Default.class, command.type().group());
    if (!violations.isEmpty()) {
      throw InvalidInputException.of(
          violations,
          Arrays.stream(NewRequest.class.getRecordComponents()).map(c -> c.getName()).toList());
    }
    return command;
  }

  private boolean onTeam(CareRequest r, String me) {
    if (!session.isCallerInRole(Roles.CLINICIAN) && !session.isCallerInRole(Roles.STAFF)) {
      return false;
    }
    return care.pool(r.getPoolCode()).map(p -> p.hasMember(me)).orElse(false);
  }

  private RequestDetail detail(CareRequest r, Map<String, String> fields) {
    String name = people.displayNames(Set.of(r.getPatient())).get(r.getPatient());
    return new RequestDetail(r, name, teamName(new HashMap<>(), r.getPoolCode()), fields);
  }

  private String teamName(Map<String, String> names, String code) {
    return names.computeIfAbsent(code, c -> care.pool(c).map(CarePool::getName).orElse(c));
  }

  private Map<String, String> fields(CareRequest r) {
    JsonObject json;
    try (var reader =
        Jsonp.reader(crypto.open(r.getDetails(), CareRequest.detailsOwner(r.getId())))) {
      json = reader.readObject();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : r.getType().fields()) {
      if (json.get(name) instanceof JsonString value) {
        fields.put(name, value.getString());
      }
    }
    return fields;
  }

  private static String json(Map<String, String> fields) {
    JsonObjectBuilder json = Jsonp.object();
    fields.forEach(json::add);
    return json.build().toString();
  }

  /** The first message of a request's thread: each field with its label, in the patient's words. */
  private static String body(Map<String, String> fields, Locale language) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append(UserText.of("{requests.label." + name + "}", Map.of(), language))
                .append(": ")
                .append(value)
                .append('\n'));
    return body.toString().strip();
  }

  private Locale languageOf(String username) {
    return people
        .find(username)
        .map(PortalUser::getPreferredLanguage)
        .filter(l -> l != null && !l.isBlank())
        .map(Locale::forLanguageTag)
        .orElse(Locale.ROOT);
  }

  private NotFoundException deny(String resource, String patient) {
    auditService.recordDenied(resource, patient);
    return new NotFoundException(NOT_FOUND);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}

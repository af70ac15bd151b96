package org.patientportal.audit.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.patientportal.audit.entity.AccessRules;
import org.patientportal.audit.entity.AccessRules.Span;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.audit.entity.AuditQuery;
import org.patientportal.audit.entity.DailyActivity;
import org.patientportal.audit.entity.UnusualAccess;
import org.patientportal.audit.entity.UnusualAccess.Kind;
import org.patientportal.audit.entity.UnusualAccessReport;
import org.patientportal.care.boundary.CareTeams;
import org.patientportal.identity.entity.Roles;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * The auditor's reports on the access log: accesses and refusals per day, and unusual access (opens
 * of patients outside one's care teams, bursts of opens, opens after hours), each finding with the
 * entries behind it. Every run is itself audited as AUDIT_REPORT.
 *
 * <p>The database does the reading and counting, always within a bounded time range, so that the
 * reports keep their cost over millions of entries (index {@code audit_entry_at_action_ix}, V8).
 * Days are the hospital's (PORTAL_TIME_ZONE). The rules come from settings (system property or
 * environment variable):
 *
 * <ul>
 *   <li>{@code portal.audit.burst-opens} / PORTAL_AUDIT_BURST_OPENS: a burst is more than this many
 *       opens (default 50)
 *   <li>{@code portal.audit.burst-minutes} / PORTAL_AUDIT_BURST_MINUTES: ... within this many
 *       minutes (default 10)
 *   <li>{@code portal.audit.working-hours} / PORTAL_AUDIT_WORKING_HOURS: working hours, Monday to
 *       Friday (default 07:00-19:00)
 *   <li>{@code portal.audit.time-zone} / PORTAL_AUDIT_TIME_ZONE: the zone of those hours (default
 *       the hospital's, PORTAL_TIME_ZONE, itself America/New_York by default)
 * </ul>
 */
@Stateless
@RolesAllowed(Roles.AUDITOR)
public class AuditReports {

  /** The activity report's default range: the last 30 days, today (the hospital's) included. */
  public static final int DEFAULT_ACTIVITY_DAYS = 30;

  public static final int MAX_ACTIVITY_DAYS = 366;

  /** The unusual-access report's default range: the last 7 days. */
  public static final Duration DEFAULT_UNUSUAL_RANGE = Duration.ofDays(7);

  public static final Duration MAX_UNUSUAL_RANGE = Duration.ofDays(31);

  /** Seconds in a quarter of an hour: the activity report's unit of counting. */
  private static final long QUARTER = 900;

  /** The most entries the report reads for one kind of finding; past it, the report is cut. */
  public static final int MAX_ENTRIES = 5_000;

  /** The opens of health information the reports look at. */
  static final List<AuditAction> OPENS =
      List.of(AuditAction.MESSAGE_OPENED, AuditAction.ATTACHMENT_DOWNLOADED);

  private static final String OPENS_SQL =
      OPENS.stream().map(a -> "'" + a.name() + "'").collect(Collectors.joining(", "));

  @PersistenceContext EntityManager em;
  @Inject AuditLog log;
  @Inject CareTeams careTeams;
  @Inject Clock clock;
  @Resource SessionContext session;

  private AccessRules rules;

  @PostConstruct
  void readRules() {
    rules = configuredRules();
  }

  /** The rules as configured; a bad setting stops the reports with a message naming it. */
  static AccessRules configuredRules() {
    org.eclipse.microprofile.config.Config config =
        org.eclipse.microprofile.config.ConfigProvider.getConfig(
            AuditReports.class.getClassLoader());
    java.util.function.BinaryOperator<String> setting =
        (name, fallback) -> config.getOptionalValue(name, String.class).orElse(fallback);
    String hospitalZone = setting.apply("portal.time-zone", "America/New_York");
    return AccessRules.parse(
        setting.apply("portal.audit.burst-opens", String.valueOf(AccessRules.DEFAULT_BURST_OPENS)),
        setting.apply(
            "portal.audit.burst-minutes", String.valueOf(AccessRules.DEFAULT_BURST_MINUTES)),
        setting.apply("portal.audit.working-hours", AccessRules.DEFAULT_WORKING_HOURS),
        setting.apply("portal.audit.time-zone", hospitalZone),
        name ->
            "portal.audit."
                + name
                + " (PORTAL_AUDIT_"
                + name.toUpperCase().replace('-', '_')
                + ")");
  }

  /** The hospital's time zone, whose days the activity report counts. */
  static ZoneId hospitalZone() {
    return ZoneId.of(
        org.eclipse.microprofile.config.ConfigProvider.getConfig(
                AuditReports.class.getClassLoader())
            .getOptionalValue("portal.time-zone", String.class)
            .orElse("America/New_York"));
  }

  /** The rules the unusual-access report applies. */
  public AccessRules rules() {
    return rules;
  }

  /**
   * Accesses (messages opened, attachments downloaded) and refused requests per day of the
   * hospital's time zone (PORTAL_TIME_ZONE, as the views show times), from {@code from} to {@code
   * to} inclusive, one line for every day (zero for a quiet day). Either end may be null: the range
   * defaults to the {@value #DEFAULT_ACTIVITY_DAYS} days up to today.
   */
  public List<DailyActivity> activity(LocalDate from, LocalDate to) {
    ZoneId zone = hospitalZone();
    LocalDate last = to != null ? to : LocalDate.ofInstant(clock.instant(), zone);
    LocalDate first = from != null ? from : last.minusDays(DEFAULT_ACTIVITY_DAYS - 1L);
    if (first.isAfter(last)) {
      throw new InvalidInputException("from", "The first day is after the last.");
    }
    AuditQuery.checkDay("from", first);
    AuditQuery.checkDay("to", last);
    if (ChronoUnit.DAYS.between(first, last) >= MAX_ACTIVITY_DAYS) {
      throw new InvalidInputException(
          "to", "A report covers at most " + MAX_ACTIVITY_DAYS + " days; choose a shorter range.");
    }
    // counted per quarter of an hour by the database (every zone's offset is a whole number of
    // quarters), then summed per local day here: "at time zone" with a region does not give the
    // local date on every database (H2 casts to the session's zone)
    String quarter = "floor(extract(epoch from occurred_at) / " + QUARTER + ")";
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + quarter
                    + ", sum(case when action in ("
                    + OPENS_SQL
                    + ") and outcome = 'SUCCESS' then 1 else 0 end)"
                    + ", sum(case when outcome = 'DENIED' or action = 'ACCESS_DENIED'"
                    + " then 1 else 0 end)"
                    + " from audit_entry where occurred_at >= ?1 and occurred_at < ?2"
                    + " group by "
                    + quarter)
            .setParameter(1, first.atStartOfDay(zone).toInstant())
            .setParameter(2, last.plusDays(1).atStartOfDay(zone).toInstant())
            .getResultList();
    Map<LocalDate, long[]> byDay = new HashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      LocalDate d = Instant.ofEpochSecond(number(columns[0]) * QUARTER).atZone(zone).toLocalDate();
      long[] counts = byDay.computeIfAbsent(d, k -> new long[2]);
      counts[0] += number(columns[1]);
      counts[1] += number(columns[2]);
    }
    List<DailyActivity> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      long[] counts = byDay.getOrDefault(d, new long[2]);
      days.add(new DailyActivity(d, counts[0], counts[1]));
    }
    log.record(
        caller(),
        null,
        AuditAction.AUDIT_REPORT,
        "activity from=" + first + " to=" + last,
        AuditOutcome.SUCCESS);
    return days;
  }

  /**
   * The unusual-access report over {@code [from, to)}: either end may be null, the range then being
   * the {@link #DEFAULT_UNUSUAL_RANGE} up to now.
   */
  public UnusualAccessReport unusualAccess(Instant from, Instant to) {
    Instant end = to != null ? to : clock.instant();
    AuditQuery.checkTime("to", end);
    Instant start = from != null ? from : end.minus(DEFAULT_UNUSUAL_RANGE);
    AuditQuery.checkTime("from", start);
    if (!start.isBefore(end)) {
      throw new InvalidInputException("from", "The start of the range is not before its end.");
    }
    if (Duration.between(start, end).compareTo(MAX_UNUSUAL_RANGE) > 0) {
      throw new InvalidInputException(
          "to",
          "The unusual-access report covers at most "
              + MAX_UNUSUAL_RANGE.toDays()
              + " days; choose a shorter range.");
    }
    boolean[] cut = {false};
    List<UnusualAccess> findings = new ArrayList<>();
    findings.addAll(outsideCareTeams(start, end, cut));
    findings.addAll(bursts(start, end, cut));
    findings.addAll(afterHours(start, end, cut));
    log.record(
        caller(),
        null,
        AuditAction.AUDIT_REPORT,
        "unusual-access from=" + start + " to=" + end + " findings=" + findings.size(),
        AuditOutcome.SUCCESS);
    return new UnusualAccessReport(start, end, rules, findings, cut[0]);
  }

  /**
   * Opens of a patient's messages by someone who is neither that patient nor a member of any pool
   * that cares for the patient: one finding per person and patient. The log gives who opened whose
   * messages; the care feature ({@link CareTeams}) says whom each of them cares for; the entries of
   * the pairs outside any care team are then read.
   */
  private List<UnusualAccess> outsideCareTeams(Instant from, Instant to, boolean[] cut) {
    List<Object[]> pairs =
        em.createQuery(
                "select distinct e.actor, e.patient from AuditEntry e"
                    + " where e.at >= :from and e.at < :to"
                    + " and e.action in :opens and e.outcome = :success"
                    + " and e.patient is not null and e.actor <> e.patient"
                    + " order by e.actor, e.patient",
                Object[].class)
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("opens", OPENS)
            .setParameter("success", AuditOutcome.SUCCESS)
            .setMaxResults(MAX_ENTRIES + 1)
            .getResultList();
    if (pairs.size() > MAX_ENTRIES) {
      cut[0] = true;
      pairs = pairs.subList(0, MAX_ENTRIES);
    }
    Map<String, java.util.Set<String>> cared =
        careTeams.patientsCaredForBy(pairs.stream().map(p -> (String) p[0]).distinct().toList());
    List<UnusualAccess> findings = new ArrayList<>();
    int read = 0;
    for (Object[] pair : pairs) {
      String actor = (String) pair[0];
      String patient = (String) pair[1];
      if (cared.get(actor).contains(patient)) {
        continue;
      }
      if (read >= MAX_ENTRIES) {
        cut[0] = true;
        break;
      }
      List<AuditEntry> entries =
          em.createQuery(
                  "select e from AuditEntry e where e.actor = :actor and e.patient = :patient"
                      + " and e.at >= :from and e.at < :to"
                      + " and e.action in :opens and e.outcome = :success"
                      + " order by e.at, e.seq",
                  AuditEntry.class)
              .setParameter("actor", actor)
              .setParameter("patient", patient)
              .setParameter("from", from)
              .setParameter("to", to)
              .setParameter("opens", OPENS)
              .setParameter("success", AuditOutcome.SUCCESS)
              .setMaxResults(MAX_ENTRIES - read + 1)
              .getResultList();
      if (read + entries.size() > MAX_ENTRIES) {
        cut[0] = true;
        entries = entries.subList(0, MAX_ENTRIES - read);
      }
      read += entries.size();
      findings.add(new UnusualAccess(Kind.OUTSIDE_CARE_TEAM, actor, patient, entries));
    }
    return findings;
  }

  /**
   * Bursts of opens. The database finds every open that has, {@code burstOpens} opens before it by
   * the same person, an open less than the burst window earlier (a window function over the range);
   * then the opens around those are read and {@link AccessRules#bursts} groups them exactly.
   */
  private List<UnusualAccess> bursts(Instant from, Instant to, boolean[] cut) {
    int n = rules.getBurstOpens();
    String order = " over (partition by actor order by occurred_at, seq)";
    List<?> rows =
        em.createNativeQuery(
                "select actor, extract(epoch from prior_at), extract(epoch from occurred_at)"
                    + " from (select actor, occurred_at, lag(occurred_at, "
                    + n
                    + ")"
                    + order
                    + " as prior_at from audit_entry"
                    + " where occurred_at >= ?1 and occurred_at < ?2"
                    + " and action in ("
                    + OPENS_SQL
                    + ") and outcome = 'SUCCESS') w"
                    + " where prior_at is not null"
                    + " and extract(epoch from occurred_at) - extract(epoch from prior_at) < ?3"
                    + " order by actor, occurred_at")
            .setParameter(1, from)
            .setParameter(2, to)
            .setParameter(3, rules.getBurstWindow().toSeconds())
            .setMaxResults(MAX_ENTRIES + 1)
            .getResultList();
    if (rows.size() > MAX_ENTRIES) {
      cut[0] = true;
      rows = rows.subList(0, MAX_ENTRIES);
    }
    // the stretch of each burst, a second wider for the rounding of epoch seconds, merged per actor
    Map<String, List<Span>> spans = new LinkedHashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      Instant start = max(from, epoch(columns[1]).minusSeconds(1));
      Instant end = min(to, epoch(columns[2]).plusSeconds(1));
      List<Span> own = spans.computeIfAbsent((String) columns[0], a -> new ArrayList<>());
      Span last = own.isEmpty() ? null : own.get(own.size() - 1);
      if (last != null && !start.isAfter(last.to())) {
        own.set(own.size() - 1, new Span(last.from(), max(last.to(), end)));
      } else {
        own.add(new Span(start, end));
      }
    }
    List<UnusualAccess> findings = new ArrayList<>();
    spans.forEach(
        (actor, list) -> {
          for (Span span : list) {
            List<AuditEntry> opens =
                em.createQuery(
                        "select e from AuditEntry e where e.actor = :actor"
                            + " and e.at >= :from and e.at < :to"
                            + " and e.action in :opens and e.outcome = :success"
                            + " order by e.at, e.seq",
                        AuditEntry.class)
                    .setParameter("actor", actor)
                    .setParameter("from", span.from())
                    .setParameter("to", span.to())
                    .setParameter("opens", OPENS)
                    .setParameter("success", AuditOutcome.SUCCESS)
                    .setMaxResults(MAX_ENTRIES + 1)
                    .getResultList();
            for (List<AuditEntry> burst : rules.bursts(capped(opens, cut), AuditEntry::getAt)) {
              findings.add(new UnusualAccess(Kind.BURST, actor, null, burst));
            }
          }
        });
    return findings;
  }

  /**
   * Opens outside working hours by the care-team side (not a patient reading their own messages,
   * nor anyone acting as a patient or caregiver): the database reads only the after-hours stretches
   * of the range. One finding per person and local day.
   */
  private List<UnusualAccess> afterHours(Instant from, Instant to, boolean[] cut) {
    List<Span> outside = rules.afterHours(from, to);
    if (outside.isEmpty()) {
      return List.of();
    }
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEntry> cq = cb.createQuery(AuditEntry.class);
    Root<AuditEntry> e = cq.from(AuditEntry.class);
    Predicate[] stretches =
        outside.stream()
            .map(
                s ->
                    cb.and(
                        cb.greaterThanOrEqualTo(e.get("at"), s.from()),
                        cb.lessThan(e.get("at"), s.to())))
            .toArray(Predicate[]::new);
    cq.where(
            cb.or(stretches),
            e.get("action").in(OPENS),
            cb.equal(e.get("outcome"), AuditOutcome.SUCCESS),
            cb.or(cb.isNull(e.get("patient")), cb.notEqual(e.get("actor"), e.get("patient"))),
            cb.or(
                cb.isNull(e.get("actorRole")),
                cb.not(e.get("actorRole").in(Roles.PATIENT, Roles.PROXY))))
        .orderBy(cb.asc(e.get("actor")), cb.asc(e.get("at")), cb.asc(e.get("seq")));
    List<AuditEntry> entries =
        capped(em.createQuery(cq).setMaxResults(MAX_ENTRIES + 1).getResultList(), cut);
    Map<List<Object>, List<AuditEntry>> byActorAndDay = new LinkedHashMap<>();
    for (AuditEntry entry : entries) {
      LocalDate day = entry.getAt().atZone(rules.getZone()).toLocalDate();
      byActorAndDay
          .computeIfAbsent(List.of(entry.getActor(), day), k -> new ArrayList<>())
          .add(entry);
    }
    List<UnusualAccess> findings = new ArrayList<>();
    byActorAndDay.forEach(
        (key, list) ->
            findings.add(new UnusualAccess(Kind.AFTER_HOURS, (String) key.get(0), null, list)));
    return findings;
  }

  private static List<AuditEntry> capped(List<AuditEntry> entries, boolean[] cut) {
    if (entries.size() > MAX_ENTRIES) {
      cut[0] = true;
      return entries.subList(0, MAX_ENTRIES);
    }
    return entries;
  }

  private static Instant epoch(Object seconds) {
    BigDecimal s = new BigDecimal(Objects.toString(seconds));
    long whole = s.longValue();
    long nanos = s.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}

package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.it.incontainer.InTransaction;
import org.patientportal.it.support.Deployments;
import org.patientportal.it.support.Portal;

/**
 * The auditor's reports over the API ({@code /api/v1/audit/reports/...}), on access-log entries
 * this test writes in the server (as an access would, but at chosen times) into a random week of
 * the past, by people and patients of its own and a care pool of its own: each kind of unusual
 * access is reported with exactly the entries behind it, ordinary access is not, the counts per day
 * are right, every run is audited, and every role but the auditor's is refused and audited.
 *
 * <p>It runs in the server (to write the entries and the pool) and calls the API over HTTP from
 * there with real Keycloak tokens.
 */
@ExtendWith(ArquillianExtension.class)
class AuditReportsIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesCallingTheApiWith(AuditReportsIT.class, InTransaction.class);
  }

  @EJB InTransaction tx;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /** What this test wrote: the seq numbers of each group of entries, by name. */
  private final Map<String, List<Long>> seqs = new HashMap<>();

  /** The instants this test wrote opens and refusals at, for the counts per day. */
  private final List<Instant> opened = new ArrayList<>();

  private final List<Instant> refused = new ArrayList<>();

  private AuditEntry entry(
      Instant at, String actor, String role, String patient, AuditAction action, String group) {
    AuditOutcome outcome =
        action == AuditAction.ACCESS_DENIED ? AuditOutcome.DENIED : AuditOutcome.SUCCESS;
    AuditEntry e =
        new AuditEntry(
                at,
                actor,
                null,
                patient,
                action,
                action == AuditAction.ATTACHMENT_DOWNLOADED ? "attachment/1" : "message/1",
                outcome,
                "203.0.113.9",
                "AuditReportsIT")
            .actingAs(role);
    em.persist(e);
    (outcome == AuditOutcome.DENIED ? refused : opened).add(at);
    if (group != null) {
      seqs.computeIfAbsent(group, g -> new ArrayList<>()).add(e.getSeq());
    }
    return e;
  }

  private static LocalDate randomPastMonday() {
    // 2001-01-01 was a Monday; any of about 900 weeks after it, so that runs do not meet
    return LocalDate.of(2001, 1, 1).plusWeeks(ThreadLocalRandom.current().nextInt(900));
  }

  @Test
  void eachKindOfUnusualAccessIsReportedWithTheEntriesBehindItAndOrdinaryAccessIsNot()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String pool = "rpt-" + run;
    String patient = "rpt-pat-" + run;
    String otherPatient = "rpt-pat2-" + run;
    String member = "rpt-clin-" + run;
    String outsider = "rpt-out-" + run;
    String busy = "rpt-busy-" + run;
    String calm = "rpt-calm-" + run;
    String night = "rpt-night-" + run;
    LocalDate monday = randomPastMonday();
    Instant from = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    JsonNode before = report(from, to);
    JsonNode rules = before.get("rules");
    ZoneId zone = ZoneId.of(rules.get("timeZone").asText());
    int burst = rules.get("burstOpens").asInt();
    Duration window = Duration.ofMinutes(rules.get("burstMinutes").asLong());
    assertEquals(LocalDateTime.of(2001, 1, 1, 0, 0).getDayOfWeek(), DayOfWeek.MONDAY);
    // the days of the week below are in the report's zone; the UTC week is a day wider
    LocalDate tuesday = monday.plusDays(1);

    tx.commit(
        () -> {
          CarePool p = new CarePool(pool, "Reports test " + run);
          for (String m : List.of(member, busy, calm, night)) {
            p.addMember(m, PoolRole.CLINICIAN);
          }
          p.addPatient(patient);
          em.persist(p);

          // ordinary: the care team in working hours, a patient reading her own at night, a refusal
          entry(at(tuesday, 10, 0, zone), member, "clinician", patient, open(), "ordinary");
          entry(at(tuesday, 10, 5, zone), member, "clinician", patient, download(), "ordinary");
          entry(at(tuesday, 22, 0, zone), patient, "patient", patient, open(), "ordinary");
          entry(at(tuesday, 11, 0, zone), outsider, "clinician", patient, denied(), "ordinary");

          // outside the care team: someone on no pool of the patient, and a member of another's
          LocalDate wednesday = tuesday.plusDays(1);
          entry(at(wednesday, 10, 0, zone), outsider, "clinician", patient, open(), "outsider");
          entry(
              at(wednesday, 10, 30, zone), outsider, "clinician", patient, download(), "outsider");
          entry(at(wednesday, 11, 0, zone), member, "clinician", otherPatient, open(), "stranger");

          // a burst: one open more than allowed within the window; and exactly as many as allowed
          LocalDate thursday = wednesday.plusDays(1);
          Duration step = window.dividedBy(2L * (burst + 1));
          Instant start = at(thursday, 9, 0, zone);
          for (int i = 0; i <= burst; i++) {
            entry(start.plus(step.multipliedBy(i)), busy, "clinician", patient, open(), "burst");
          }
          entry(at(thursday, 14, 0, zone), busy, "clinician", patient, open(), "ordinary");
          for (int i = 0; i < burst; i++) {
            entry(start.plus(step.multipliedBy(i)), calm, "clinician", patient, open(), "calm");
          }

          // after hours: late on Friday, and on Saturday
          LocalDate friday = thursday.plusDays(1);
          entry(at(friday, 23, 30, zone), night, "clinician", patient, open(), "friday night");
          entry(at(friday.plusDays(1), 12, 0, zone), night, "staff", patient, open(), "saturday");
          entry(at(friday, 18, 59, zone), night, "clinician", patient, open(), "ordinary");
          return null;
        });

    JsonNode report = report(from, to);
    assertFalse(report.get("truncated").asBoolean(), report.toString());
    Map<String, List<Long>> found = new TreeMap<>();
    for (JsonNode f : report.get("findings")) {
      if (!f.get("actor").asText().endsWith(run)) {
        continue; // another test's data in the same week
      }
      List<Long> entries = new ArrayList<>();
      f.get("entries").forEach(e -> entries.add(e.get("seq").asLong()));
      String key =
          f.get("kind").asText()
              + " "
              + f.get("actor").asText()
              + (f.hasNonNull("patient") ? " " + f.get("patient").asText() : "");
      assertEquals(null, found.put(key + " " + entries.get(0), entries), "one finding: " + key);
    }
    Map<String, List<Long>> expected = new TreeMap<>();
    expected.put(
        "OUTSIDE_CARE_TEAM " + outsider + " " + patient + " " + seqs.get("outsider").get(0),
        seqs.get("outsider"));
    expected.put(
        "OUTSIDE_CARE_TEAM " + member + " " + otherPatient + " " + seqs.get("stranger").get(0),
        seqs.get("stranger"));
    expected.put("BURST " + busy + " " + seqs.get("burst").get(0), seqs.get("burst"));
    expected.put(
        "AFTER_HOURS " + night + " " + seqs.get("friday night").get(0), seqs.get("friday night"));
    expected.put("AFTER_HOURS " + night + " " + seqs.get("saturday").get(0), seqs.get("saturday"));
    assertEquals(expected, found, report.toString());
    assertEquals(burst + 1, seqs.get("burst").size());

    // the counts per day of the hospital: what was there before, and what this test wrote
    LocalDate firstDay = monday;
    LocalDate lastDay = monday.plusDays(6);
    HttpResponse<String> afterResponse =
        Portal.get("/audit/reports/activity?from=" + firstDay + "&to=" + lastDay, "audit.kim");
    assertEquals(200, afterResponse.statusCode(), afterResponse.body());
    JsonNode activity = Portal.json(afterResponse.body());
    // days are the hospital's, the zone the unusual-access rules default to as well
    assertEquals(HOSPITAL.getId(), activity.get("timeZone").asText());
    assertEquals(firstDay.toString(), activity.get("from").asText());
    assertEquals(lastDay.toString(), activity.get("to").asText());
    assertEquals(7, activity.get("days").size(), "every day, quiet ones too: " + activity);
    Map<String, long[]> wrote = new TreeMap<>();
    opened.forEach(t -> day(wrote, t)[0]++);
    refused.forEach(t -> day(wrote, t)[1]++);
    for (JsonNode d : activity.get("days")) {
      long[] mine = wrote.getOrDefault(d.get("day").asText(), new long[2]);
      long[] old = baseline.getOrDefault(d.get("day").asText(), new long[2]);
      assertEquals(old[0] + mine[0], d.get("accesses").asLong(), "accesses on " + d);
      assertEquals(old[1] + mine[1], d.get("refused").asLong(), "refused on " + d);
    }
    assertTrue(
        wrote.keySet().stream().allMatch(d -> d.compareTo(lastDay.toString()) <= 0),
        "everything written falls in the week: " + wrote);
  }

  /** The hospital's time zone (the portal's default, as the tests run it). */
  private static final ZoneId HOSPITAL = ZoneId.of("America/New_York");

  /** The counts per day of the week, taken before this test wrote anything. */
  private final Map<String, long[]> baseline = new HashMap<>();

  private JsonNode report(Instant from, Instant to) {
    if (baseline.isEmpty()) {
      LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
      HttpResponse<String> counts =
          Portal.get(
              "/audit/reports/activity?from=" + first + "&to=" + first.plusDays(6), "audit.kim");
      assertEquals(200, counts.statusCode(), counts.body());
      for (JsonNode d : Portal.json(counts.body()).get("days")) {
        baseline.put(
            d.get("day").asText(),
            new long[] {d.get("accesses").asLong(), d.get("refused").asLong()});
      }
    }
    HttpResponse<String> response =
        Portal.get("/audit/reports/unusual-access?from=" + from + "&to=" + to, "audit.kim");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode report = Portal.json(response.body());
    assertEquals(from.toString(), report.get("from").asText());
    assertEquals(to.toString(), report.get("to").asText());
    return report;
  }

  private static long[] day(Map<String, long[]> days, Instant t) {
    return days.computeIfAbsent(LocalDate.ofInstant(t, HOSPITAL).toString(), d -> new long[2]);
  }

  private static Instant at(LocalDate day, int hour, int minute, ZoneId zone) {
    return day.atTime(hour, minute).atZone(zone).toInstant();
  }

  private static AuditAction open() {
    return AuditAction.MESSAGE_OPENED;
  }

  private static AuditAction download() {
    return AuditAction.ATTACHMENT_DOWNLOADED;
  }

  private static AuditAction denied() {
    return AuditAction.ACCESS_DENIED;
  }

  @Test
  void eachRunIsAuditedAndTheDefaultsAreTheLastThirtyAndSevenDays() {
    Instant before = Instant.now().minusSeconds(5);
    HttpResponse<String> activity = Portal.get("/audit/reports/activity", "audit.kim");
    assertEquals(200, activity.statusCode(), activity.body());
    JsonNode days = Portal.json(activity.body()).get("days");
    assertEquals(30, days.size());
    assertEquals(LocalDate.now(HOSPITAL).toString(), days.get(days.size() - 1).get("day").asText());

    HttpResponse<String> unusual = Portal.get("/audit/reports/unusual-access", "audit.kim");
    assertEquals(200, unusual.statusCode(), unusual.body());
    JsonNode report = Portal.json(unusual.body());
    assertEquals(
        Duration.ofDays(7),
        Duration.between(
            Instant.parse(report.get("from").asText()), Instant.parse(report.get("to").asText())));

    HttpResponse<String> log =
        Portal.get(
            "/audit?actor=audit.kim&action=AUDIT_REPORT&from=" + before + "&size=10", "audit.kim");
    TreeSet<String> runs = new TreeSet<>();
    Portal.json(log.body()).forEach(e -> runs.add(e.get("resource").asText().split(" ")[0]));
    assertEquals(new TreeSet<>(List.of("activity", "unusual-access")), runs, log.body());
  }

  @Test
  void everyRoleButTheAuditorsIsRefusedAndEachRefusalIsAudited() {
    for (String user :
        List.of("pat.jones", "chris.jones", "dr.smith", "nurse.lee", "comms.diaz", "admin.ito")) {
      Instant before = Instant.now().minusSeconds(5);
      for (String report : List.of("activity", "unusual-access")) {
        String path = "/audit/reports/" + report;
        JsonNode problem = Portal.assertProblem(Portal.get(path, user), 403);
        assertEquals("/portal/api/v1" + path, problem.get("instance").asText());
        HttpResponse<String> log =
            Portal.get(
                "/audit?action=ACCESS_DENIED&actor=" + user + "&from=" + before, "audit.kim");
        assertTrue(
            StreamSupport.stream(Portal.json(log.body()).spliterator(), false)
                .anyMatch(
                    e ->
                        e.get("outcome").asText().equals("DENIED")
                            && e.get("resource").asText().equals("GET /portal/api/v1" + path)),
            user + "'s refusal of " + path + " is audited: " + log.body());
      }
    }
  }

  @Test
  void badRangesGetA400ProblemNamingTheField() {
    Map<String, String> cases = new TreeMap<>();
    cases.put("/audit/reports/activity?from=yesterday", "from");
    cases.put("/audit/reports/activity?from=2026-02-01&to=2026-01-01", "from");
    cases.put("/audit/reports/activity?from=2024-01-01&to=2026-01-01", "to");
    cases.put("/audit/reports/unusual-access?to=tomorrow", "to");
    cases.put(
        "/audit/reports/unusual-access?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from");
    cases.put(
        "/audit/reports/unusual-access?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "to");
    cases.forEach(
        (path, field) -> {
          JsonNode problem = Portal.assertProblem(Portal.get(path, "audit.kim"), 400);
          assertEquals(field, problem.get("field").asText(), path);
        });
  }
}

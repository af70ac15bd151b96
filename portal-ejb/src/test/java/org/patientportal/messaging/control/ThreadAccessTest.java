package org.patientportal.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patientportal.crypto.entity.Sealed;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.RecipientKind;

/**
 * Who may see which thread, for every role and relationship: pat.jones's thread addressed to
 * dr.smith ("to a clinician") and her thread addressed to the Breast Oncology pool ("to a pool").
 */
class ThreadAccessTest {

  private static final String POOL = "breast";
  private static final MessageThread TO_CLINICIAN = thread(RecipientKind.USER, "dr.smith");
  private static final MessageThread TO_POOL = thread(RecipientKind.POOL, POOL);

  /** Who reads, with which roles and pools; which side of each thread they are on (P/C/-). */
  static Stream<Arguments> table() {
    return Stream.of(
        // reader, roles, pools, to a clinician, to a pool
        row("pat.jones", Set.of(Roles.PATIENT), Set.of(), "P", "P"),
        row("sam.rivera", Set.of(Roles.PATIENT), Set.of(), "-", "-"),
        row("chris.jones", Set.of(Roles.PROXY), Set.of(), "-", "-"),
        row("dr.smith", Set.of(Roles.CLINICIAN), Set.of(POOL), "C", "C"),
        row("dr.smith", Set.of(Roles.CLINICIAN), Set.of(), "C", "-"),
        row("dr.chen", Set.of(Roles.CLINICIAN), Set.of(POOL), "-", "C"),
        row("dr.other", Set.of(Roles.CLINICIAN), Set.of("cardiology"), "-", "-"),
        row("nurse.lee", Set.of(Roles.STAFF), Set.of(POOL), "-", "C"),
        row("nurse.lee", Set.of(Roles.STAFF), Set.of(), "-", "-"),
        // a thread addressed to a person reaches only a clinician of that name
        row("dr.smith", Set.of(Roles.STAFF), Set.of(POOL), "-", "C"),
        row("dr.smith", Set.of(Roles.PATIENT), Set.of(POOL), "-", "-"),
        // roles that never read messages, even when listed in a pool
        row("comms.diaz", Set.of(Roles.COMMUNICATIONS), Set.of(POOL), "-", "-"),
        row("audit.kim", Set.of(Roles.AUDITOR), Set.of(POOL), "-", "-"),
        row("admin.ito", Set.of(Roles.ADMIN), Set.of(POOL), "-", "-"),
        row("pat.jones", Set.of(), Set.of(POOL), "-", "-"),
        // a patient who also works at the hospital
        row("pat.jones", Set.of(Roles.PATIENT, Roles.STAFF), Set.of(POOL), "P", "PC"));
  }

  private static Arguments row(
      String reader, Set<String> roles, Set<String> pools, String toClinician, String toPool) {
    return Arguments.of(reader, roles, pools, toClinician, toPool);
  }

  @ParameterizedTest(name = "{0} {1} in pools {2}: to a clinician {3}, to a pool {4}")
  @MethodSource("table")
  void eachReaderSeesWhatTheTableSays(
      String reader, Set<String> roles, Set<String> pools, String toClinician, String toPool) {
    ThreadAccess access = new ThreadAccess(reader, roles, () -> pools);
    assertEquals(toClinician, sides(access, TO_CLINICIAN), "to a clinician");
    assertEquals(toPool, sides(access, TO_POOL), "to a pool");
  }

  private static String sides(ThreadAccess access, MessageThread thread) {
    String sides = (access.patientSide(thread) ? "P" : "") + (access.careSide(thread) ? "C" : "");
    assertEquals(!sides.isEmpty(), access.mayRead(thread), "may read iff on a side");
    return sides.isEmpty() ? "-" : sides;
  }

  @Test
  void aCaregiverActsForThePatientsWhoseMessagingGrantIsInForce() {
    AtomicInteger asked = new AtomicInteger();
    ThreadAccess proxy =
        new ThreadAccess("chris.jones", Set.of(Roles.PROXY), Set::of)
            .withProxyGrants(
                patient -> {
                  asked.incrementAndGet();
                  return patient.equals("pat.jones");
                });
    assertTrue(proxy.actsAsProxy(TO_CLINICIAN));
    assertTrue(proxy.mayRead(TO_POOL));
    assertEquals("-", sides(new ThreadAccess("x", Set.of(), Set::of), TO_POOL));
    assertFalse(proxy.patientSide(TO_POOL), "never the patient's own side");
    assertFalse(proxy.careSide(TO_POOL));
    assertFalse(proxy.mayActFor("sam.rivera"));
    assertEquals(2, asked.get(), "asked once per patient");
    // the grant counts only for a proxy
    ThreadAccess clinician =
        new ThreadAccess("chris.jones", Set.of(Roles.CLINICIAN), Set::of)
            .withProxyGrants(patient -> true);
    assertFalse(clinician.actsAsProxy(TO_POOL));
  }

  @Test
  void poolsAreAskedForOnceAndNeverForThoseWhoWorkNone() {
    AtomicInteger asked = new AtomicInteger();
    ThreadAccess patient =
        new ThreadAccess(
            "pat.jones",
            Set.of(Roles.PATIENT),
            () -> {
              asked.incrementAndGet();
              return List.of(POOL);
            });
    patient.mayRead(TO_POOL);
    patient.careSide(TO_POOL);
    assertEquals(0, asked.get(), "a patient's reads ask for no pools");

    ThreadAccess staff =
        new ThreadAccess(
            "nurse.lee",
            Set.of(Roles.STAFF),
            () -> {
              asked.incrementAndGet();
              return List.of(POOL);
            });
    assertTrue(staff.mayRead(TO_POOL));
    assertTrue(staff.careSide(TO_POOL));
    assertEquals(1, asked.get(), "asked once");
  }

  /** Who covers for absent dr.smith today, and what that opens, by role and thread status. */
  static Stream<Arguments> cover() {
    return Stream.of(
        // reader, roles, covers for, sees dr.smith's open thread, sees it once done
        Arguments.of("dr.chen", Set.of(Roles.CLINICIAN), Set.of("dr.smith"), true, false),
        Arguments.of("dr.chen", Set.of(Roles.CLINICIAN), Set.of(), false, false),
        Arguments.of("dr.chen", Set.of(Roles.CLINICIAN), Set.of("dr.other"), false, false),
        // only a clinician covers, whatever the table of periods says
        Arguments.of("nurse.lee", Set.of(Roles.STAFF), Set.of("dr.smith"), false, false),
        Arguments.of("pat.jones", Set.of(Roles.PATIENT), Set.of("dr.smith"), true, true));
  }

  @ParameterizedTest(name = "{0} {1} covering {2}: open {3}, done {4}")
  @MethodSource("cover")
  void aCoverWorksTheAbsentClinicansOpenThreadsOnly(
      String reader, Set<String> roles, Set<String> covers, boolean open, boolean done) {
    MessageThread openThread = thread(RecipientKind.USER, "dr.smith");
    MessageThread doneThread = thread(RecipientKind.USER, "dr.smith");
    doneThread.markDone("dr.smith", Instant.parse("2026-11-26T12:00:00Z"));
    ThreadAccess access = new ThreadAccess(reader, roles, Set::of, () -> covers);
    assertEquals(open, access.mayRead(openThread), "open thread");
    assertEquals(done, access.mayRead(doneThread), "done thread");
    assertEquals(
        roles.contains(Roles.CLINICIAN) && covers.contains("dr.smith"),
        access.coverSide(openThread),
        "on the cover's side");
    assertEquals(false, access.mayRead(TO_POOL) && !roles.contains(Roles.PATIENT), "no pool");
  }

  @Test
  void theColleaguesCoveredForAreAskedForOnlyAboutAnotherClinicansThread() {
    AtomicInteger asked = new AtomicInteger();
    ThreadAccess smith =
        new ThreadAccess(
            "dr.smith",
            Set.of(Roles.CLINICIAN),
            Set::of,
            () -> {
              asked.incrementAndGet();
              return List.of();
            });
    assertTrue(smith.mayRead(TO_CLINICIAN));
    assertEquals(0, asked.get(), "one's own thread asks nothing");
    ThreadAccess chen =
        new ThreadAccess(
            "dr.chen",
            Set.of(Roles.CLINICIAN),
            Set::of,
            () -> {
              asked.incrementAndGet();
              return List.of("dr.smith");
            });
    assertTrue(chen.mayRead(TO_CLINICIAN));
    assertTrue(chen.careSide(TO_CLINICIAN));
    assertEquals(1, asked.get(), "asked once");
  }

  @Test
  void aThreadGivenToAColleagueIsOnTheirCareSide() {
    MessageThread given = thread(RecipientKind.USER, "dr.smith");
    given.assign("dr.chen", org.patientportal.care.entity.PoolRole.CLINICIAN);
    assertEquals("C", sides(new ThreadAccess("dr.chen", Set.of(Roles.CLINICIAN), Set::of), given));
    assertEquals("C", sides(new ThreadAccess("dr.smith", Set.of(Roles.CLINICIAN), Set::of), given));
    // the assignee's name alone is not enough: a role that works pools is
    assertEquals("-", sides(new ThreadAccess("dr.chen", Set.of(Roles.PATIENT), Set::of), given));
    given.release();
    assertEquals("-", sides(new ThreadAccess("dr.chen", Set.of(Roles.CLINICIAN), Set::of), given));
  }

  /**
   * Forwarding: dr.smith's thread forwarded to dr.chen by name and to the cardiology pool. The
   * forward lets in the clinician named (not a staff member of that name) and whoever works the
   * pool; nobody else, and never a patient or proxy, whatever their pools.
   */
  @ParameterizedTest(name = "{0} {1} in pools {2}: forwarded side {3}")
  @MethodSource("forwardTable")
  void aForwardLetsInItsRecipientsOnly(
      String reader, Set<String> roles, Set<String> pools, boolean forwarded) {
    AtomicInteger asked = new AtomicInteger();
    ThreadAccess access =
        new ThreadAccess(reader, roles, () -> pools)
            .withForwards(
                id -> {
                  asked.incrementAndGet();
                  assertEquals(5L, id);
                  return List.of("dr.chen", "pool:cardiology");
                });
    assertEquals(forwarded, access.forwardedSide(TO_CLINICIAN), "forwarded side");
    assertEquals(
        forwarded
            || sides(new ThreadAccess(reader, roles, () -> pools), TO_CLINICIAN).contains("C"),
        access.careSide(TO_CLINICIAN));
    if (!roles.contains(Roles.CLINICIAN) && !roles.contains(Roles.STAFF)) {
      assertEquals(0, asked.get(), "forwards are not asked for a role that works no pool");
    }
  }

  static Stream<Arguments> forwardTable() {
    return Stream.of(
        Arguments.of("dr.chen", Set.of(Roles.CLINICIAN), Set.of(), true),
        Arguments.of("dr.chen", Set.of(Roles.STAFF), Set.of(), false),
        Arguments.of("dr.heart", Set.of(Roles.CLINICIAN), Set.of("cardiology"), true),
        Arguments.of("nurse.kay", Set.of(Roles.STAFF), Set.of("cardiology"), true),
        Arguments.of("nurse.lee", Set.of(Roles.STAFF), Set.of(POOL), false),
        Arguments.of("dr.other", Set.of(Roles.CLINICIAN), Set.of("neurology"), false),
        Arguments.of("dr.chen", Set.of(Roles.PATIENT), Set.of("cardiology"), false),
        Arguments.of("chris.jones", Set.of(Roles.PROXY), Set.of("cardiology"), false),
        Arguments.of("audit.kim", Set.of(Roles.AUDITOR), Set.of("cardiology"), false));
  }

  /**
   * Staff process the pool's clinicians' threads in business hours: nurse.lee (staff of the breast
   * pool, which cares for pat.jones) and dr.smith's thread to her by name. Each row: the reader,
   * roles, the clinicians of the pools they staff (with those pools), the pools caring for the
   * patient, whether it is business hours, whether the thread is open, and whether the reader is on
   * the care team's side of it.
   */
  static Stream<Arguments> staffTable() {
    Map<String, Set<String>> breast = Map.of("dr.smith", Set.of(POOL), "dr.chen", Set.of(POOL));
    return Stream.of(
        // in business hours, an open thread: in
        Arguments.of("nurse.lee", Set.of(Roles.STAFF), breast, Set.of(POOL), true, true, true),
        // after hours, on a weekend or a holiday (the calendar says closed): out
        Arguments.of("nurse.lee", Set.of(Roles.STAFF), breast, Set.of(POOL), false, true, false),
        // a done thread: out, even in business hours
        Arguments.of("nurse.lee", Set.of(Roles.STAFF), breast, Set.of(POOL), true, false, false),
        // staff of another pool (dr.smith is not one of its clinicians): out
        Arguments.of(
            "nurse.kay",
            Set.of(Roles.STAFF),
            Map.of("dr.heart", Set.of("cardiology")),
            Set.of(POOL),
            true,
            true,
            false),
        // dr.smith is in nurse.kay's pool too, but that pool does not care for pat.jones: out
        Arguments.of(
            "nurse.kay",
            Set.of(Roles.STAFF),
            Map.of("dr.smith", Set.of("cardiology")),
            Set.of(POOL),
            true,
            true,
            false),
        // the clinician is not a member of the reader's pool: out
        Arguments.of(
            "nurse.lee",
            Set.of(Roles.STAFF),
            Map.of("dr.chen", Set.of(POOL)),
            Set.of(POOL),
            true,
            true,
            false),
        // only the staff role processes: a clinician colleague does not (cover is their rule),
        // nor a patient, a proxy or an auditor, whatever the tables say
        Arguments.of("dr.chen", Set.of(Roles.CLINICIAN), breast, Set.of(POOL), true, true, false),
        Arguments.of("sam.rivera", Set.of(Roles.PATIENT), breast, Set.of(POOL), true, true, false),
        Arguments.of("chris.jones", Set.of(Roles.PROXY), breast, Set.of(POOL), true, true, false),
        Arguments.of("audit.kim", Set.of(Roles.AUDITOR), breast, Set.of(POOL), true, true, false));
  }

  @ParameterizedTest(name = "{0} {1} staffing {2}, patient in {3}: hours {4}, open {5} -> {6}")
  @MethodSource("staffTable")
  void staffProcessTheirPoolsCliniciansOpenThreadsInBusinessHours(
      String reader,
      Set<String> roles,
      Map<String, Set<String>> staffed,
      Set<String> caring,
      boolean hours,
      boolean open,
      boolean in) {
    MessageThread thread = thread(RecipientKind.USER, "dr.smith");
    if (!open) {
      thread.markDone("dr.smith", Instant.parse("2026-11-26T12:00:00Z"));
    }
    ThreadAccess access =
        new ThreadAccess(reader, roles, () -> Set.of(POOL))
            .withPoolStaff(
                () -> hours,
                () -> staffed,
                patient -> {
                  assertEquals("pat.jones", patient);
                  return caring;
                });
    assertEquals(in, access.staffSide(thread), "staff side");
    assertEquals(in, access.careSide(thread), "care side");
    assertEquals(
        in || roles.contains(Roles.PATIENT) && reader.equals("pat.jones"), access.mayRead(thread));
    // the queue lists the clinicians' open threads only when the rule can let one in
    assertEquals(
        roles.contains(Roles.STAFF) && hours ? staffed.keySet() : Set.of(),
        access.staffed().keySet());
  }

  @Test
  void staffKeepWhatAnotherRuleGivesThemAfterHours() {
    MessageThread given = thread(RecipientKind.USER, "dr.smith");
    given.assign("nurse.lee", org.patientportal.care.entity.PoolRole.STAFF);
    ThreadAccess afterHours =
        new ThreadAccess("nurse.lee", Set.of(Roles.STAFF), () -> Set.of(POOL))
            .withPoolStaff(() -> false, () -> Map.of("dr.smith", Set.of(POOL)), p -> Set.of(POOL));
    assertEquals("C", sides(afterHours, given), "claimed by or given to her");
    assertEquals(false, afterHours.staffSide(given));
    assertEquals("C", sides(afterHours, TO_POOL), "her pool's own threads at any hour");
    ThreadAccess forwarded =
        new ThreadAccess("nurse.lee", Set.of(Roles.STAFF), () -> Set.of(POOL))
            .withPoolStaff(() -> false, () -> Map.of("dr.smith", Set.of(POOL)), p -> Set.of(POOL))
            .withForwards(id -> List.of("pool:" + POOL));
    assertEquals("C", sides(forwarded, TO_CLINICIAN), "forwarded to her pool");
  }

  @Test
  void theClockAndTheStaffedCliniciansAreAskedOnlyWhenAStaffMemberChecksAClinicansOpenThread() {
    AtomicInteger hours = new AtomicInteger();
    AtomicInteger clinicians = new AtomicInteger();
    AtomicInteger caring = new AtomicInteger();
    java.util.function.Function<Set<String>, ThreadAccess> reader =
        roles ->
            new ThreadAccess("nurse.lee", roles, () -> Set.of(POOL))
                .withPoolStaff(
                    () -> {
                      hours.incrementAndGet();
                      return true;
                    },
                    () -> {
                      clinicians.incrementAndGet();
                      return Map.of("dr.smith", Set.of(POOL));
                    },
                    p -> {
                      caring.incrementAndGet();
                      return Set.of(POOL);
                    });
    ThreadAccess patient = reader.apply(Set.of(Roles.PATIENT));
    patient.mayRead(TO_CLINICIAN);
    patient.staffed();
    ThreadAccess staff = reader.apply(Set.of(Roles.STAFF));
    staff.mayRead(TO_POOL);
    assertEquals(0, hours.get() + clinicians.get() + caring.get(), "nothing asked");
    assertTrue(staff.mayRead(TO_CLINICIAN));
    assertTrue(staff.careSide(TO_CLINICIAN));
    assertEquals(1, hours.get(), "the clock once");
    assertEquals(1, clinicians.get(), "the clinicians once");
  }

  private static MessageThread thread(RecipientKind kind, String recipient) {
    return new MessageThread(
        5L,
        "pat.jones",
        Category.GENERAL,
        kind,
        recipient,
        "pat.jones",
        Instant.parse("2026-11-25T12:00:00Z"),
        new Sealed(new byte[] {1}, new byte[Sealed.NONCE_BYTES], new byte[40], 1));
  }
}

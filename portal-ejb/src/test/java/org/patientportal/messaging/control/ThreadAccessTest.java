package org.patientportal.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
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

package org.patientportal.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.crypto.entity.Sealed;

/** A thread's turnaround: due while the patient waits, who has it, escalations once per level. */
class MessageThreadTurnaroundTest {

  private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
  private static final Instant HALF = NOW.plus(Duration.ofHours(9));
  private static final Instant DUE = NOW.plus(Duration.ofHours(24));

  private static Sealed sealed() {
    return new Sealed(new byte[] {1}, new byte[Sealed.NONCE_BYTES], new byte[40], 1);
  }

  private static MessageThread waiting() {
    MessageThread thread =
        new MessageThread(
            3L,
            "pat.jones",
            Category.GENERAL,
            RecipientKind.POOL,
            "breast-oncology",
            "pat.jones",
            NOW,
            sealed());
    thread.messageAdded(new Message(5L, thread, "pat.jones", NOW, false, sealed()));
    thread.waitingFromPatient(DUE, HALF);
    return thread;
  }

  @Test
  void aWaitingMessageKeepsTheFirstDueTimeUntilTheTeamAnswers() {
    MessageThread thread = waiting();
    assertTrue(thread.isWaiting());
    thread.waitingFromPatient(DUE.plus(Duration.ofDays(1)), HALF.plus(Duration.ofDays(1)));
    assertEquals(DUE, thread.getDueBy(), "the clock started with the first unanswered message");
    thread.messageAdded(new Message(6L, thread, "nurse.lee", NOW, false, sealed()));
    assertFalse(thread.isWaiting());
    assertNull(thread.getDueBy());
    thread.messageAdded(new Message(7L, thread, "pat.jones", NOW, false, sealed()));
    thread.waitingFromPatient(DUE.plus(Duration.ofDays(1)), HALF.plus(Duration.ofDays(1)));
    assertEquals(DUE.plus(Duration.ofDays(1)), thread.getDueBy());
    thread.markDone("dr.smith", NOW);
    assertNull(thread.getDueBy(), "nothing waits in a done thread");
  }

  @Test
  void aClaimedThreadIsItsAssigneesUntilReleasedOrReassigned() {
    MessageThread thread = waiting();
    thread.claim("nurse.lee", PoolRole.STAFF);
    thread.claim("nurse.lee", PoolRole.STAFF);
    assertThrows(IllegalStateException.class, () -> thread.claim("dr.chen", PoolRole.CLINICIAN));
    thread.assign("dr.chen", PoolRole.CLINICIAN);
    assertEquals("dr.chen", thread.getAssignee());
    assertEquals(PoolRole.CLINICIAN, thread.getAssigneeRole());
    thread.release();
    assertNull(thread.getAssignee());
    assertNull(thread.getAssigneeRole());
  }

  @Test
  void escalationsComeOncePerLevelAndAClaimStopsTheFirst() {
    MessageThread thread = waiting();
    assertNull(thread.escalationDue(HALF.minusSeconds(1)));
    assertEquals(Escalation.UNCLAIMED, thread.escalationDue(HALF));
    thread.escalated(Escalation.UNCLAIMED);
    assertNull(thread.escalationDue(HALF));
    assertNull(thread.escalationDue(DUE.minusSeconds(1)));
    assertEquals(Escalation.OVERDUE, thread.escalationDue(DUE));
    thread.escalated(Escalation.OVERDUE);
    assertNull(thread.escalationDue(DUE.plus(Duration.ofDays(9))));

    MessageThread claimed = waiting();
    claimed.claim("dr.chen", PoolRole.CLINICIAN);
    assertNull(claimed.escalationDue(HALF), "someone has it");
    assertEquals(Escalation.OVERDUE, claimed.escalationDue(DUE));

    MessageThread late = waiting();
    assertEquals(Escalation.OVERDUE, late.escalationDue(DUE), "straight to overdue, once");
    late.escalated(Escalation.OVERDUE);
    assertNull(late.escalationDue(DUE));
  }
}

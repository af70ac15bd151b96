package org.patientportal.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.patientportal.crypto.entity.Sealed;

/** A thread's invariants: sealed content from the start, unread marks, done and reopened. */
class MessageThreadTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static Sealed sealed() {
    return new Sealed(new byte[] {1, 2, 3}, new byte[Sealed.NONCE_BYTES], new byte[40], 1);
  }

  private static MessageThread thread() {
    return new MessageThread(
        7L,
        "pat.jones",
        Category.APPOINTMENT,
        RecipientKind.USER,
        "dr.smith",
        "pat.jones",
        NOW,
        sealed());
  }

  @Test
  void contentIsSealedFromTheStartAndBoundToTheIds() {
    assertThrows(
        NullPointerException.class,
        () ->
            new MessageThread(
                1L,
                "pat.jones",
                Category.GENERAL,
                RecipientKind.USER,
                "dr.smith",
                "pat.jones",
                NOW,
                null));
    assertThrows(
        NullPointerException.class, () -> new Message(2L, thread(), "pat.jones", NOW, false, null));
    assertEquals("thread/7/subject", thread().subjectOwner());
    assertEquals(
        "thread/7/message/9/body",
        new Message(9L, thread(), "a", NOW, false, sealed()).bodyOwner());
    assertEquals("thread/7/message/9/attachment/11/content", Attachment.owner(7, 9, 11, "content"));
  }

  @Test
  void theLatestMessageIsUnreadForEveryoneButItsAuthorUntilTheyReadThroughIt() {
    MessageThread thread = thread();
    assertFalse(thread.unreadFor("dr.smith", null), "no message yet");
    thread.messageAdded(new Message(10L, thread, "pat.jones", NOW, false, sealed()));
    assertTrue(thread.unreadFor("dr.smith", null));
    assertTrue(thread.unreadFor("dr.smith", 9L));
    assertFalse(thread.unreadFor("dr.smith", 10L));
    assertFalse(thread.unreadFor("pat.jones", null), "the author has read it");
    assertEquals(1, thread.getMessageCount());
  }

  @Test
  void thePatientsNextMessageOpensADoneThreadAgainButTheCareTeamsDoesNot() {
    MessageThread thread = thread();
    thread.messageAdded(new Message(10L, thread, "pat.jones", NOW, false, sealed()));
    thread.markDone("dr.smith", NOW);
    assertEquals(ThreadStatus.DONE, thread.getStatus());
    thread.messageAdded(new Message(11L, thread, "dr.smith", NOW, false, sealed()));
    assertEquals(ThreadStatus.DONE, thread.getStatus());
    thread.messageAdded(new Message(12L, thread, "pat.jones", NOW, false, sealed()));
    assertEquals(ThreadStatus.OPEN, thread.getStatus());
    assertNull(thread.getDoneBy());
  }

  @Test
  void aMessageOfAnotherThreadIsRefused() {
    MessageThread thread = thread();
    Message other = new Message(10L, thread(), "pat.jones", NOW, false, sealed());
    assertThrows(IllegalArgumentException.class, () -> thread.messageAdded(other));
  }

  @Test
  void aReceiptIsOnlyForAMessageThatAskedAndNotForItsAuthor() {
    MessageThread thread = thread();
    Message asked = new Message(10L, thread, "pat.jones", NOW, true, sealed());
    Message notAsked = new Message(11L, thread, "pat.jones", NOW, false, sealed());
    assertEquals("dr.smith", new MessageReceipt(asked, "dr.smith", NOW).getReader());
    assertThrows(
        IllegalArgumentException.class, () -> new MessageReceipt(notAsked, "dr.smith", NOW));
    assertThrows(IllegalArgumentException.class, () -> new MessageReceipt(asked, "pat.jones", NOW));
  }
}

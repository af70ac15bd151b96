package org.patientportal.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.patientportal.crypto.entity.Sealed;
import org.patientportal.messaging.control.ThreadRow;
import org.patientportal.shared.entity.InvalidInputException;

/** The boxes of a list, archiving as of a message, and reopening a done thread. */
class InboxBoxesTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static MessageThread thread() {
    return new MessageThread(
        7L,
        "pat.jones",
        Category.GENERAL,
        RecipientKind.USER,
        "dr.smith",
        "pat.jones",
        NOW,
        new Sealed(new byte[] {1}, new byte[Sealed.NONCE_BYTES], new byte[40], 1));
  }

  private static Message message(MessageThread thread, long id, String author) {
    return new Message(
        id,
        thread,
        author,
        NOW.plusSeconds(id),
        false,
        new Sealed(new byte[] {2}, new byte[Sealed.NONCE_BYTES], new byte[40], 1));
  }

  @Test
  void aBoxIsNamedInAnyCaseAndTheInboxByDefault() {
    assertEquals(Box.INBOX, Box.parse("box", null));
    assertEquals(Box.INBOX, Box.parse("box", " "));
    assertEquals(Box.SENT, Box.parse("box", "sent"));
    assertEquals(Box.ARCHIVED, Box.parse("box", " Archived "));
    InvalidInputException bad =
        assertThrows(InvalidInputException.class, () -> Box.parse("box", "trash"));
    assertEquals("box", bad.field());
    assertEquals(Box.INBOX, ThreadListQuery.all(5).box());
    ThreadListQuery sent = ThreadListQuery.all(5).in(Box.SENT);
    assertEquals(Box.SENT, sent.after(null).box());
    assertEquals(Box.SENT, sent.searching("word").box());
  }

  @Test
  void aThreadIsArchivedUntilANewerMessageComes() {
    MessageThread thread = thread();
    thread.messageAdded(message(thread, 10, "pat.jones"));
    assertFalse(new ThreadRow(thread, 10L).archived(), "never archived");
    assertTrue(new ThreadRow(thread, 10L, 10L).archived());
    thread.messageAdded(message(thread, 11, "dr.smith"));
    assertFalse(new ThreadRow(thread, 10L, 10L).archived(), "a new message brings it back");
    assertTrue(new ThreadRow(thread, 10L, 11L).archived(), "archived again");
  }

  @Test
  void aDoneThreadReopensAndAnOpenOneStaysAsItIs() {
    MessageThread thread = thread();
    assertFalse(thread.reopen(), "open already");
    thread.markDone("dr.smith", NOW);
    assertTrue(thread.reopen());
    assertEquals(ThreadStatus.OPEN, thread.getStatus());
    assertNull(thread.getDoneBy());
    assertNull(thread.getDoneAt());
    assertFalse(thread.reopen());
  }
}

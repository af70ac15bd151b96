package org.patientportal.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.patientportal.crypto.entity.Sealed;

/**
 * A new thread, message or attachment holds a placeholder where its sealed value goes: the insert
 * JPA schedules at persist needs its NOT NULL columns filled before the id-bound seal exists.
 */
class MessageThreadTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static Sealed sealed() {
    return new Sealed(new byte[] {1, 2, 3}, new byte[Sealed.NONCE_BYTES], new byte[40], 1);
  }

  private static MessageThread thread() {
    return new MessageThread(
        "pat.jones", Category.APPOINTMENT, RecipientKind.USER, "dr.smith", "pat.jones", NOW);
  }

  @Test
  void aNewThreadsSubjectIsPendingUntilItIsSealedOnce() {
    MessageThread thread = thread();
    assertTrue(thread.getSubject().isPending());
    Sealed subject = sealed();
    thread.sealSubject(subject);
    assertFalse(thread.getSubject().isPending());
    assertEquals(subject, thread.getSubject());
    assertThrows(IllegalStateException.class, () -> thread.sealSubject(sealed()));
  }

  @Test
  void aNewMessagesBodyIsPendingUntilItIsSealedOnce() {
    Message message = new Message(thread(), "pat.jones", NOW, false);
    assertTrue(message.getBody().isPending());
    message.sealBody(sealed());
    assertFalse(message.getBody().isPending());
    assertThrows(IllegalStateException.class, () -> message.sealBody(sealed()));
  }

  @Test
  void aNewAttachmentsNameIsPendingUntilItIsSealedOnce() {
    Attachment attachment =
        new Attachment(new Message(thread(), "pat.jones", NOW, false), "image/png", 12);
    assertTrue(attachment.getFilename().isPending());
    attachment.sealFilename(sealed());
    assertFalse(attachment.getFilename().isPending());
    assertThrows(IllegalStateException.class, () -> attachment.sealFilename(sealed()));
  }

  @Test
  void aPendingValueIsNoKeysSeal() {
    assertTrue(Sealed.pending().isPending());
    assertFalse(sealed().isPending());
  }
}

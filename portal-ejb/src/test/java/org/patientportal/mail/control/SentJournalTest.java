package org.patientportal.mail.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentJournalTest {

  @TempDir Path dir;

  @Test
  void aRecordedKeyIsFoundAgainAlsoByANewInstanceAfterTheFirstStopped() {
    Path file = dir.resolve("mail").resolve("sent.journal");
    SentJournal journal = new SentJournal(file);
    journal.record("message/41/pat.jones");
    journal.record("message/42/to/dr.smith");
    // no close: a process killed now leaves what it wrote to the kernel
    SentJournal afterRestart = new SentJournal(file);

    assertTrue(afterRestart.contains("message/42/to/dr.smith"));
    assertTrue(afterRestart.contains("message/41/pat.jones"));
    assertFalse(afterRestart.contains("message/4"), "whole lines only");
    assertFalse(afterRestart.contains("message/43/to/dr.smith"));
  }

  @Test
  void aKeyStaysFoundOneRotationLaterNotTwo() throws Exception {
    Path file = dir.resolve("sent.journal");
    SentJournal journal = new SentJournal(file, 64);
    journal.record("first-key-of-the-journal");
    for (int i = 0; i < 3; i++) {
      journal.record("filler-" + i + "-xxxxxxxxxxxxxxxx"); // 3 × 26 bytes: one rotation
    }
    assertTrue(Files.exists(dir.resolve("sent.journal.1")));
    assertTrue(journal.contains("first-key-of-the-journal"), "in the previous file");
    for (int i = 0; i < 6; i++) {
      journal.record("more-" + i + "-xxxxxxxxxxxxxxxxxx");
    }
    assertFalse(journal.contains("first-key-of-the-journal"), "two rotations on: forgotten");
    journal.close();
  }

  @Test
  void refusesAKeyOfTwoLines() {
    SentJournal journal = new SentJournal(dir.resolve("sent.journal"));
    assertThrows(IllegalArgumentException.class, () -> journal.record("a\nb"));
  }

  @Test
  void aMissingJournalKnowsNothing() {
    assertFalse(new SentJournal(dir.resolve("none").resolve("sent.journal")).contains("k"));
  }
}

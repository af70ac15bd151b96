package org.patientportal.records.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientportal.crypto.entity.Sealed;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.FilingCopy;
import org.patientportal.records.entity.RecordEntry;

/**
 * A record entry's snapshot reads back exactly as it was filed, and its signature covers the
 * snapshot's hash and every fact of the entry: changing any of them breaks it.
 */
class RecordSnapshotTest {

  static final Instant AT = Instant.parse("2026-11-30T15:04:05.123456Z");

  static FilingCopy copy() {
    return new FilingCopy(
        7L,
        "pat.jones",
        "Pat Jones",
        "10004521",
        Category.PRESCRIPTION,
        "Refill — ¿cuándo? 💊",
        "pool:breast-oncology",
        "Breast Oncology",
        List.of(
            new FilingCopy.Filed(
                11L, "pat.jones", "Pat Jones", true, AT, "Line 1\n\"quoted\"", List.of()),
            new FilingCopy.Filed(
                12L,
                "dr.smith",
                "Dr. Smith",
                false,
                AT.plusSeconds(60),
                "Done.",
                List.of("rx.pdf"))));
  }

  @Test
  void aSnapshotReadsBackAsFiled() {
    String json = RecordSnapshot.json(50L, "dr.smith", AT, copy());
    assertEquals(copy(), RecordSnapshot.read(json));
    FilingCopy noMrn =
        new FilingCopy(
            7L,
            "pat.jones",
            "Pat Jones",
            null,
            Category.GENERAL,
            "s",
            "dr.smith",
            "Dr. Smith",
            copy().messages());
    assertEquals(noMrn, RecordSnapshot.read(RecordSnapshot.json(51L, "dr.smith", AT, noMrn)));
    assertThrows(
        IllegalArgumentException.class, () -> RecordSnapshot.read("{\"format\":\"other\"}"));
  }

  @Test
  void theSignatureCoversTheHashAndEveryFact(@TempDir Path dir) {
    Path store = dir.resolve("keys").resolve("record.bcfks");
    assertThrows(
        IllegalStateException.class,
        () -> RecordSigningKey.openOrCreate(store, "pw".toCharArray(), false),
        "no store is made unless allowed");
    RecordSigningKey key = RecordSigningKey.openOrCreate(store, "pw".toCharArray(), true);
    assertTrue(Files.exists(store));
    RecordSigningKey again = RecordSigningKey.openOrCreate(store, "pw".toCharArray(), false);
    assertEquals(key.keyId(), again.keyId(), "the same key when opened again");

    String json = RecordSnapshot.json(50L, "dr.smith", AT, copy());
    byte[] sha = RecordSigningKey.sha256(json);
    byte[] signed = RecordEntry.signedText(50L, "pat.jones", 7L, 1, null, "dr.smith", AT, sha);
    byte[] signature = key.sign(signed);
    assertTrue(again.verifies(signed, signature));

    RecordEntry entry =
        new RecordEntry(
            50L,
            "pat.jones",
            7L,
            1,
            null,
            "dr.smith",
            AT,
            2,
            new Sealed(new byte[] {1}, new byte[Sealed.NONCE_BYTES], new byte[40], 1),
            sha,
            key.keyId(),
            signature);
    assertArrayEquals(signed, entry.signedText());
    for (byte[] changed :
        List.of(
            RecordEntry.signedText(51L, "pat.jones", 7L, 1, null, "dr.smith", AT, sha),
            RecordEntry.signedText(50L, "sam.rivera", 7L, 1, null, "dr.smith", AT, sha),
            RecordEntry.signedText(50L, "pat.jones", 8L, 1, null, "dr.smith", AT, sha),
            RecordEntry.signedText(50L, "pat.jones", 7L, 2, 49L, "dr.smith", AT, sha),
            RecordEntry.signedText(50L, "pat.jones", 7L, 1, null, "dr.chen", AT, sha),
            RecordEntry.signedText(
                50L, "pat.jones", 7L, 1, null, "dr.smith", AT.plusNanos(1000), sha),
            RecordEntry.signedText(
                50L,
                "pat.jones",
                7L,
                1,
                null,
                "dr.smith",
                AT,
                RecordSigningKey.sha256(json + " ")))) {
      assertFalse(key.verifies(changed, signature));
    }
  }

  @Test
  void anEntryAmendsOnlyFromItsSecondVersion() {
    Sealed sealed = new Sealed(new byte[] {1}, new byte[Sealed.NONCE_BYTES], new byte[40], 1);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RecordEntry(
                1L, "p", 7L, 1, 3L, "d", AT, 1, sealed, new byte[32], "k", new byte[64]));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RecordEntry(
                1L, "p", 7L, 2, null, "d", AT, 1, sealed, new byte[32], "k", new byte[64]));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RecordEntry(
                1L, "p", 7L, 1, null, "d", AT, 0, sealed, new byte[32], "k", new byte[64]));
  }
}

package org.patientportal.records.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientportal.records.entity.RecordEntry;

/**
 * Rotation of the record signing key: a new key signs new entries, and every entry signed before
 * still verifies, by the portal (the key its entry names, read from the store again) and by anyone
 * holding only the exported public keys.
 */
class RecordSigningKeysTest {

  private static final char[] PASSWORD = "pw".toCharArray();

  @Test
  void entriesSignedBeforeARotationVerifyAfterIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys").resolve("record.bcfks");
    RecordSigningKeys store = RecordSigningKeys.openOrCreate(file, PASSWORD, true);
    RecordSigningKey first = store.current();
    byte[] text = signedText(50L);
    byte[] signature = first.sign(text);

    assertEquals(2, store.rotate());
    RecordSigningKey second = store.current();
    assertNotEquals(first.keyId(), second.keyId(), "a new key signs new entries");
    byte[] later = signedText(51L);
    byte[] laterSignature = second.sign(later);

    // the portal, and another node opening the same store, verify both with the key each names
    for (RecordSigningKeys keys :
        List.of(store, RecordSigningKeys.openOrCreate(file, PASSWORD, false))) {
      assertEquals(2, keys.versions().size());
      assertEquals(second.keyId(), keys.current().keyId());
      assertTrue(keys.byId(first.keyId()).verifies(text, signature));
      assertTrue(keys.byId(second.keyId()).verifies(later, laterSignature));
      assertFalse(keys.byId(second.keyId()).verifies(text, signature), "each key its own");
      assertNull(keys.byId("ed25519:0000000000000000"));
    }

    // anyone with the exported public keys (the file beside the store) verifies both
    Map<String, byte[]> exported = new TreeMap<>();
    for (String line :
        Files.readAllLines(RecordSigningKeys.publicKeyFile(file), StandardCharsets.US_ASCII)) {
      String[] f = line.split(" ");
      assertEquals("ed25519", f[0]);
      exported.put(f[1], Base64.getDecoder().decode(f[2]));
    }
    assertEquals(2, exported.size(), "old keys stay listed: " + exported.keySet());
    assertTrue(RecordSigningKey.verifies(exported.get(first.keyId()), text, signature));
    assertTrue(RecordSigningKey.verifies(exported.get(second.keyId()), later, laterSignature));
    assertFalse(RecordSigningKey.verifies(exported.get(first.keyId()), later, laterSignature));
    assertEquals(store.publicKeyLines(), Files.readString(RecordSigningKeys.publicKeyFile(file)));
  }

  @Test
  void aNodeFollowsARotationMadeByAnother(@TempDir Path dir) {
    Path file = dir.resolve("record.bcfks");
    RecordSigningKeys one = RecordSigningKeys.openOrCreate(file, PASSWORD, true);
    RecordSigningKeys two = RecordSigningKeys.openOrCreate(file, PASSWORD, false);
    RecordSigningKey before = two.current();
    one.rotate();
    String rotated = one.current().keyId();
    // the other node finds a key it did not know by reading the store again
    assertEquals(rotated, two.byId(rotated).keyId());
    two.refresh();
    assertEquals(rotated, two.current().keyId());
    assertSame(two.byId(before.keyId()), two.versions().firstEntry().getValue());
    // a rotation on the second node keeps the first node's key too
    two.rotate();
    assertEquals(3, RecordSigningKeys.openOrCreate(file, PASSWORD, false).versions().size());
  }

  @Test
  void aStoreMadeBeforeRotationIsVersionOne(@TempDir Path dir) throws Exception {
    // the store as the first release wrote it: one seed under the first alias
    Path file = dir.resolve("old.bcfks");
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    KeyStore old = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
    old.load(null, PASSWORD);
    old.setEntry(
        RecordSigningKeys.FIRST_ALIAS,
        new KeyStore.SecretKeyEntry(new SecretKeySpec(seed, "AES")),
        new KeyStore.PasswordProtection(PASSWORD));
    try (var out = Files.newOutputStream(file)) {
      old.store(out, PASSWORD);
    }
    RecordSigningKeys store = RecordSigningKeys.openOrCreate(file, PASSWORD, false);
    assertEquals(RecordSigningKey.ofSeed(seed).keyId(), store.versions().get(1).keyId());
    store.rotate();
    assertEquals(
        RecordSigningKey.ofSeed(seed).keyId(),
        RecordSigningKeys.openOrCreate(file, PASSWORD, false).versions().get(1).keyId());
    assertThrows(
        IllegalStateException.class,
        () -> RecordSigningKeys.openOrCreate(dir.resolve("none.bcfks"), PASSWORD, false));
  }

  private static byte[] signedText(long id) {
    return RecordEntry.signedText(
        id,
        "pat.jones",
        7L,
        1,
        null,
        "dr.smith",
        RecordSnapshotTest.AT,
        RecordSigningKey.sha256("snapshot " + id));
  }
}

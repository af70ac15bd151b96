package org.patientportal.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientportal.crypto.entity.SealBrokenException;

class KeyEncryptionKeysTest {

  private static final char[] PASSWORD = "test-pass".toCharArray();

  @TempDir Path dir;

  @Test
  void theFirstRunCreatesAKeyStoreWithOneKeyThatLaterRunsRead() throws Exception {
    Path file = dir.resolve("keys/portal-kek.bcfks");
    KeyEncryptionKeys created = KeyEncryptionKeys.openOrCreate(file, PASSWORD, new SecureRandom());
    assertTrue(Files.size(file) > 0);
    assertEquals(1, created.currentVersion());
    assertEquals(32, created.current().getEncoded().length, "AES-256");

    KeyEncryptionKeys reopened = KeyEncryptionKeys.openOrCreate(file, PASSWORD, new SecureRandom());
    assertArrayEquals(created.current().getEncoded(), reopened.current().getEncoded());
  }

  @Test
  void theKeyStoreIsOwnerOnlyWhenWrittenAndWhenAnOlderLooserOneIsOpened() throws Exception {
    Path file = dir.resolve("keys/portal-kek.bcfks");
    KeyEncryptionKeys keys = KeyEncryptionKeys.openOrCreate(file, PASSWORD, new SecureRandom());
    assertEquals("rw-------", permissions(file));
    keys.rotate();
    assertEquals("rw-------", permissions(file), "after a rotation too");

    java.nio.file.Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    KeyEncryptionKeys.openOrCreate(file, PASSWORD, new SecureRandom());
    assertEquals("rw-------", permissions(file), "a key store readable by others is tightened");
  }

  private static String permissions(Path file) throws java.io.IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(file));
  }

  @Test
  void rotationAndRetirementAreSavedToTheFile() {
    Path file = dir.resolve("kek.bcfks");
    KeyEncryptionKeys keys = KeyEncryptionKeys.openOrCreate(file, PASSWORD, new SecureRandom());
    keys.rotate();
    keys.rotate();
    keys.retire(1);
    KeyEncryptionKeys reopened = KeyEncryptionKeys.openOrCreate(file, PASSWORD, new SecureRandom());
    assertEquals(List.of(2, 3), List.copyOf(reopened.versions().keySet()));
    assertEquals(3, reopened.currentVersion());
    assertThrows(SealBrokenException.class, () -> reopened.version(1));
    assertThrows(IllegalArgumentException.class, () -> reopened.retire(3));
  }

  @Test
  void anotherNodeSharingTheFileFollowsARotation() {
    Path file = dir.resolve("shared.bcfks");
    KeyEncryptionKeys nodeA = KeyEncryptionKeys.openOrCreate(file, PASSWORD, new SecureRandom());
    KeyEncryptionKeys nodeB = KeyEncryptionKeys.openOrCreate(file, PASSWORD, new SecureRandom());
    int next = nodeA.rotate();
    // a value wrapped by the new key: node B finds the key it does not hold yet
    assertArrayEquals(nodeA.version(next).getEncoded(), nodeB.version(next).getEncoded());
    assertEquals(next, nodeB.currentVersion());
    nodeA.retire(1);
    nodeB.refresh();
    assertEquals(List.of(next), List.copyOf(nodeB.versions().keySet()));
    assertThrows(SealBrokenException.class, () -> nodeB.version(1));
  }

  @Test
  void aWrongPasswordIsRefusedWithAClearMessage() {
    Path file = dir.resolve("kek.bcfks");
    KeyEncryptionKeys.openOrCreate(file, PASSWORD, new SecureRandom());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> KeyEncryptionKeys.openOrCreate(file, "wrong".toCharArray(), new SecureRandom()));
    assertTrue(e.getMessage().contains("password"), e.getMessage());
  }

  @Test
  void theFileIsABcfksKeyStore() throws Exception {
    Path file = dir.resolve("kek.bcfks");
    KeyEncryptionKeys.openOrCreate(file, PASSWORD, new SecureRandom());
    java.security.KeyStore store =
        java.security.KeyStore.getInstance(
            "BCFKS", new org.bouncycastle.jce.provider.BouncyCastleProvider());
    try (var in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    assertTrue(store.containsAlias("kek-v1"));
  }
}

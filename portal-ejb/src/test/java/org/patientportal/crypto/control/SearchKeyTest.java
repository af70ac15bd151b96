package org.patientportal.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchKeyTest {

  @TempDir Path dir;

  @Test
  void theKeyIsMadeOnFirstUseAndKeptAcrossOpens() throws Exception {
    Path file = dir.resolve("keys").resolve("portal-search.bcfks");
    char[] password = "a password".toCharArray();
    SearchKey first = SearchKey.openOrCreate(file, password, new SecureRandom());
    assertTrue(Files.exists(file));
    SearchKey again = SearchKey.openOrCreate(file, password, new SecureRandom());
    assertEquals(
        first.token("thread-subject", "medicacion"), again.token("thread-subject", "medicacion"));
    assertNotEquals(
        first.token("thread-subject", "medicacion"), first.token("thread-subject", "medicina"));
    assertNotEquals(
        first.token("thread-subject", "medicacion"), first.token("other-index", "medicacion"));
    assertThrows(
        IllegalStateException.class,
        () -> SearchKey.openOrCreate(file, "wrong".toCharArray(), new SecureRandom()));
  }

  @Test
  void twoKeysGiveUnrelatedTokens() {
    SearchKey one =
        SearchKey.openOrCreate(dir.resolve("one.bcfks"), "p".toCharArray(), new SecureRandom());
    SearchKey two =
        SearchKey.openOrCreate(dir.resolve("two.bcfks"), "p".toCharArray(), new SecureRandom());
    assertNotEquals(one.token("thread-subject", "scan"), two.token("thread-subject", "scan"));
  }
}

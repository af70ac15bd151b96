package org.patientportal.crypto.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patientportal.crypto.entity.SealBrokenException;
import org.patientportal.crypto.entity.Sealed;

class EnvelopeTest {

  private static final byte[] AAD = "message/42/body".getBytes(UTF_8);
  private static final byte[] TEXT = "My CA-125 came back at 48; should I worry?".getBytes(UTF_8);

  @TempDir Path dir;
  private KeyEncryptionKeys keys;
  private Envelope envelope;

  @BeforeEach
  void keys() {
    keys =
        KeyEncryptionKeys.openOrCreate(
            dir.resolve("keys.bcfks"), "test-pass".toCharArray(), new SecureRandom());
    envelope = new Envelope(keys, new SecureRandom());
  }

  @Test
  void whatIsSealedOpensWithTheSameAssociatedData() {
    Sealed sealed = envelope.seal(TEXT, AAD);
    assertEquals(1, sealed.keyVersion());
    assertArrayEquals(TEXT, envelope.open(sealed, AAD));
  }

  @Test
  void theCiphertextDoesNotContainThePlaintextAndEveryValueHasItsOwnKey() {
    Sealed a = envelope.seal(TEXT, AAD);
    Sealed b = envelope.seal(TEXT, AAD);
    assertFalse(new String(a.ciphertext(), UTF_8).contains("CA-125"));
    assertNotEquals(new String(a.wrappedKey(), UTF_8), new String(b.wrappedKey(), UTF_8));
    assertNotEquals(new String(a.ciphertext(), UTF_8), new String(b.ciphertext(), UTF_8));
  }

  @Test
  void aValueMovedToAnotherRecordDoesNotOpen() {
    Sealed sealed = envelope.seal(TEXT, AAD);
    assertThrows(
        SealBrokenException.class, () -> envelope.open(sealed, "message/43/body".getBytes(UTF_8)));
  }

  @ParameterizedTest(name = "altering byte {0} of the ciphertext is caught")
  @ValueSource(ints = {0, 7, 20, 41, 57})
  void anAlteredCiphertextFailsLoudly(int index) {
    Sealed sealed = envelope.seal(TEXT, AAD);
    assertThrows(
        SealBrokenException.class,
        () -> envelope.open(alter(sealed, c -> flip(c, index), null, null), AAD));
  }

  @Test
  void anAlteredNonceOrWrappedKeyFailsLoudly() {
    Sealed sealed = envelope.seal(TEXT, AAD);
    assertThrows(
        SealBrokenException.class,
        () -> envelope.open(alter(sealed, null, n -> flip(n, 3), null), AAD));
    assertThrows(
        SealBrokenException.class,
        () -> envelope.open(alter(sealed, null, null, k -> flip(k, 11)), AAD));
  }

  @Test
  void aDataKeySwappedInFromAnotherValueFailsLoudly() {
    Sealed mine = envelope.seal(TEXT, AAD);
    Sealed other = envelope.seal("something else".getBytes(UTF_8), AAD);
    Sealed swapped = new Sealed(mine.ciphertext(), mine.nonce(), other.wrappedKey(), 1);
    assertThrows(SealBrokenException.class, () -> envelope.open(swapped, AAD));
  }

  @Test
  void randomisedTamperingNeverYieldsWrongText() {
    Random random = new Random(20261125);
    for (int i = 0; i < 300; i++) {
      byte[] text = new byte[random.nextInt(2000)];
      random.nextBytes(text);
      Sealed sealed = envelope.seal(text, AAD);
      int part = random.nextInt(3);
      int at = random.nextInt(part == 0 ? sealed.ciphertext().length : part == 1 ? 12 : 40);
      Sealed altered =
          switch (part) {
            case 0 -> alter(sealed, c -> flip(c, at), null, null);
            case 1 -> alter(sealed, null, n -> flip(n, at), null);
            default -> alter(sealed, null, null, k -> flip(k, at));
          };
      assertThrows(SealBrokenException.class, () -> envelope.open(altered, AAD), "case " + i);
    }
  }

  @Test
  void rotationRewrapsWithoutTouchingTheCiphertextAndTheOldKeyCanThenGo() {
    Sealed old = envelope.seal(TEXT, AAD);
    assertEquals(2, keys.rotate());

    Sealed rewrapped = envelope.rewrap(old);
    assertEquals(2, rewrapped.keyVersion());
    assertArrayEquals(old.ciphertext(), rewrapped.ciphertext(), "bodies are not re-encrypted");
    assertArrayEquals(TEXT, envelope.open(rewrapped, AAD));
    assertSame(rewrapped, envelope.rewrap(rewrapped), "already current: nothing to do");

    keys.retire(1);
    assertArrayEquals(TEXT, envelope.open(rewrapped, AAD));
    assertThrows(SealBrokenException.class, () -> envelope.open(old, AAD));
    assertEquals(2, envelope.seal(TEXT, AAD).keyVersion());
  }

  private static Sealed alter(
      Sealed s,
      UnaryOperator<byte[]> ciphertext,
      UnaryOperator<byte[]> nonce,
      UnaryOperator<byte[]> key) {
    return new Sealed(
        ciphertext == null ? s.ciphertext() : ciphertext.apply(s.ciphertext()),
        nonce == null ? s.nonce() : nonce.apply(s.nonce()),
        key == null ? s.wrappedKey() : key.apply(s.wrappedKey()),
        s.keyVersion());
  }

  private static byte[] flip(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index % copy.length] ^= 0x01;
    return copy;
  }
}

package org.patientportal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.patientportal.crypto.control.Envelope;
import org.patientportal.crypto.control.KeyEncryptionKeys;
import org.patientportal.crypto.entity.Sealed;

/**
 * What envelope encryption costs a message: sealing (new data key, AES-GCM, key wrap), opening, and
 * re-wrapping a data key at rotation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnvelopeBenchmark {

  @Param({"256", "4096", "65536"})
  int bytes;

  private Envelope envelope;
  private byte[] plaintext;
  private Sealed sealed;
  private Sealed underOldKey;
  private final byte[] aad = "message/123456/body".getBytes(StandardCharsets.UTF_8);

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("bench-kek");
    KeyEncryptionKeys keys =
        KeyEncryptionKeys.openOrCreate(
            dir.resolve("kek.bcfks"), "bench".toCharArray(), new SecureRandom());
    envelope = new Envelope(keys, new SecureRandom());
    plaintext = new byte[bytes];
    new SecureRandom().nextBytes(plaintext);
    underOldKey = envelope.seal(plaintext, aad);
    keys.rotate();
    sealed = envelope.seal(plaintext, aad);
  }

  @Benchmark
  public Sealed seal() {
    return envelope.seal(plaintext, aad);
  }

  @Benchmark
  public byte[] open() {
    return envelope.open(sealed, aad);
  }

  @Benchmark
  public Sealed rewrap() {
    return envelope.rewrap(underOldKey);
  }
}

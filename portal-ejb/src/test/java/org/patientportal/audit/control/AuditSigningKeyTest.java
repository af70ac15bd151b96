package org.patientportal.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditSigningKeyTest {

  @TempDir Path dir;

  @Test
  void theKeyStoreIsOwnerOnly() throws Exception {
    Path store = dir.resolve("keys/portal-audit-signing.bcfks");
    AuditSigningKey.openOrCreate(store, "test-password".toCharArray(), true);
    assertEquals("rw-------", permissions(store));

    Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-rw-r--"));
    AuditSigningKey.openOrCreate(store, "test-password".toCharArray(), false);
    assertEquals("rw-------", permissions(store), "a key store readable by others is tightened");
  }

  private static String permissions(Path file) throws java.io.IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}

package org.patientportal.audit.verifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientportal.platform.control.Installation;

/**
 * A data folder of the layout before installation ids (one checkpoint file and one set of key
 * stores for whichever database ran): its files move to the folder of the database they belong to,
 * and only to that one.
 */
class EarlierLayoutTest {

  @TempDir Path data;

  @Test
  void theEarlierFilesMoveToTheirOwnDatabaseOnly() throws Exception {
    try (TestLog own = new TestLog(data.resolve("own"), "layout_own");
        TestLog other = new TestLog(data.resolve("other"), "layout_other")) {
      own.write(12);
      own.seal(12);
      Path portal = data.resolve("portal");
      Files.createDirectories(portal.resolve("audit"));
      Files.createDirectories(portal.resolve("keys"));
      Files.writeString(portal.resolve("keys/portal-kek.bcfks"), "the earlier key store");
      Files.writeString(portal.resolve("audit/checkpoints.log"), own.checkpoint().line() + "\n");
      other.write(5);
      other.seal(5);
      other.checkpoint();
      other.c.commit();

      UUID otherId = UUID.fromString(other.installation);
      assertFalse(Installation.adoptEarlierLayout(other.c, data, otherId), "not the other's");
      assertTrue(Files.exists(portal.resolve("keys/portal-kek.bcfks")));

      UUID ownId = UUID.fromString(own.installation);
      assertTrue(Installation.adoptEarlierLayout(own.c, data, ownId));
      Path folder = Installation.folder(data, ownId);
      assertTrue(Files.exists(folder.resolve("keys/portal-kek.bcfks")));
      assertTrue(Files.exists(folder.resolve("audit/checkpoints.log")));
      assertFalse(Files.exists(portal.resolve("keys")));
      assertFalse(Installation.adoptEarlierLayout(own.c, data, ownId), "once");
    }
  }
}

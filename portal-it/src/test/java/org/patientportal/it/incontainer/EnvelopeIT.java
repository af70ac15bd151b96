package org.patientportal.it.incontainer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.crypto.control.Envelope;
import org.patientportal.crypto.control.KeyEncryptionKeys;
import org.patientportal.crypto.entity.SealBrokenException;
import org.patientportal.crypto.entity.Sealed;
import org.patientportal.it.support.Deployments;

/**
 * Envelope encryption inside WildFly: the EJB module reaches WildFly's own BouncyCastle (the BCFKS
 * key store, AES key wrap) through the EAR's jboss-deployment-structure.xml.
 */
@ExtendWith(ArquillianExtension.class)
class EnvelopeIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(EnvelopeIT.class);
  }

  @Test
  void sealsOpensAndRotatesWithWildFlysBouncyCastle() throws Exception {
    Path dir = Files.createTempDirectory("portal-kek");
    KeyEncryptionKeys keys =
        KeyEncryptionKeys.openOrCreate(
            dir.resolve("kek.bcfks"), "it-pass".toCharArray(), new SecureRandom());
    Envelope envelope = new Envelope(keys, new SecureRandom());
    byte[] aad = "message/1/body".getBytes(UTF_8);
    Sealed sealed = envelope.seal("hello".getBytes(UTF_8), aad);
    keys.rotate();
    Sealed rewrapped = envelope.rewrap(sealed);
    assertEquals(2, rewrapped.keyVersion());
    assertArrayEquals("hello".getBytes(UTF_8), envelope.open(rewrapped, aad));
    assertThrows(SealBrokenException.class, () -> envelope.open(rewrapped, "x".getBytes(UTF_8)));
  }
}

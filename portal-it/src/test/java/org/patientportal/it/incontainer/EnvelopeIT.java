package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.crypto.entity.SealBrokenException;
import org.patientportal.crypto.entity.Sealed;
import org.patientportal.it.support.Deployments;

/**
 * Envelope encryption inside WildFly: the EJB module reaches WildFly's own BouncyCastle (the BCFKS
 * key store, AES key wrap) through the EAR's jboss-deployment-structure.xml, and the demo's key
 * store is made on first start in the server's data folder, outside the database and deployment.
 */
@ExtendWith(ArquillianExtension.class)
class EnvelopeIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(EnvelopeIT.class);
  }

  @Inject Crypto crypto;
  @jakarta.ejb.EJB org.patientportal.platform.boundary.SchemaMigration schema;

  @Test
  void theDemoKeyStoreIsAnOwnerOnlyBcfksFileInTheInstallationsDataFolder() throws Exception {
    // each database its own key store: <data>/portal/<the database's installation id>/keys
    Path file =
        Path.of(
            System.getProperty("jboss.server.data.dir"),
            "portal",
            schema.installationId().toString(),
            "keys/portal-kek.bcfks");
    assertEquals(file, crypto.keyStoreFile());
    assertFalse(Files.size(file) == 0);
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String head = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    assertFalse(head.contains("kek-v1\u0000\u0000"), "entries are protected, not plain");
  }

  @Test
  void sealsAndOpensAndRefusesAnotherOwner() {
    Sealed sealed = crypto.seal("Is my port flush due?", "message/1/body");
    assertEquals(crypto.currentKeyVersion(), sealed.keyVersion());
    assertFalse(new String(sealed.ciphertext(), StandardCharsets.UTF_8).contains("port flush"));
    assertEquals("Is my port flush due?", crypto.open(sealed, "message/1/body"));
    assertThrows(SealBrokenException.class, () -> crypto.open(sealed, "message/2/body"));
  }
}

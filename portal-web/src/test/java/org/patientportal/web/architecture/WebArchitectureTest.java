package org.patientportal.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

/** The web tier calls boundaries; it holds no business rules and no persistence. */
class WebArchitectureTest {

  private static final JavaClasses WEB =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.patientportal.web");

  @Test
  void theWebTierDoesNotTouchPersistence() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(EntityManager.class, EntityManagerFactory.class)
        .check(WEB);
  }

  @Test
  void theWebTierDoesNotReachIntoControls() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.patientportal.*.control..")
        .check(WEB);
  }

  /** The web tier's features depend on each other in one direction only, as the EJB module's. */
  @Test
  void theWebTiersFeaturesDependOnEachOtherWithoutCycles() {
    slices().matching("org.patientportal.web.(*)..").should().beFreeOfCycles().check(WEB);
  }
}

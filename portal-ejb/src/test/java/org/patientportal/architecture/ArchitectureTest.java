package org.patientportal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/** The rules of STYLE.md that a compiler does not check, checked on the compiled EJB module. */
class ArchitectureTest {

  private static final String ROOT = "org.patientportal.";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.patientportal");

  /**
   * Features depend on each other in one direction only (audit on identity and care, never back):
   * where one feature must react to another it observes a CDI event (identity's {@code SignedIn}),
   * where it needs another's data it asks that feature's boundary (care's {@code CareTeams}).
   */
  @Test
  void featuresDependOnEachOtherWithoutCycles() {
    slices().matching("org.patientportal.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  /** The audit reports ask the care feature; they do not read its entities or tables. */
  @Test
  void theAuditFeatureReadsNoEntityOfTheCareFeature() {
    noClasses()
        .that()
        .resideInAPackage("org.patientportal.audit..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.patientportal.care.entity..")
        .check(CLASSES);
  }

  @Test
  void entitiesDependOnNoBoundaryAndNoControl() {
    noClasses()
        .that()
        .resideInAPackage("..entity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..boundary..", "..control..")
        .check(CLASSES);
  }

  @Test
  void controlsDependOnNoBoundaryOfTheirOwnFeature() {
    noClasses()
        .that()
        .resideInAPackage("..control..")
        .should(dependOnTheBoundaryOfTheirOwnFeature())
        .check(CLASSES);
  }

  @Test
  void noFeatureReachesIntoAnotherFeaturesControl() {
    noClasses().should(dependOnAnotherFeaturesControl()).check(CLASSES);
  }

  private static String feature(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(ROOT)) {
      return null;
    }
    String rest = name.substring(ROOT.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static ArchCondition<JavaClass> dependOnAnotherFeaturesControl() {
    return new ArchCondition<>("depend on the control package of another feature") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        String own = feature(type);
        type.getDirectDependenciesFromSelf().stream()
            .filter(d -> d.getTargetClass().getPackageName().contains(".control"))
            .filter(d -> feature(d.getTargetClass()) != null)
            .filter(d -> !feature(d.getTargetClass()).equals(own))
            // shared is no feature: its control (the Keycloak admin client) serves them all
            .filter(d -> !"shared".equals(feature(d.getTargetClass())))
            .forEach(d -> events.add(SimpleConditionEvent.satisfied(d, d.getDescription())));
      }
    };
  }

  private static ArchCondition<JavaClass> dependOnTheBoundaryOfTheirOwnFeature() {
    return new ArchCondition<>("depend on the boundary of their own feature") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        String own = feature(type);
        type.getDirectDependenciesFromSelf().stream()
            .filter(d -> d.getTargetClass().getPackageName().startsWith(ROOT + own + ".boundary"))
            .forEach(d -> events.add(SimpleConditionEvent.satisfied(d, d.getDescription())));
      }
    };
  }
}

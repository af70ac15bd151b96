package org.patientportal.web.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.consent.entity.ConsentChange;
import org.patientportal.consent.entity.SensitiveTopic;

/**
 * A patient's agreements as FHIR R4 Consent resources: one per topic, permit or deny, the patient,
 * the last change's time; HAPI's validator (base R4 profiles and terminology) finds no error, and
 * the positive control shows it does find one.
 */
class ConsentFhirTest {

  static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
  static FhirValidator validator;

  @BeforeAll
  static void validator() {
    FhirContext fhir = FhirContext.forR4Cached();
    validator = fhir.newValidator();
    validator.registerValidatorModule(
        new FhirInstanceValidator(
            new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new SnapshotGeneratingValidationSupport(fhir))));
  }

  static Bundle bundle() {
    Map<SensitiveTopic, Boolean> now = new EnumMap<>(SensitiveTopic.class);
    for (SensitiveTopic t : SensitiveTopic.values()) {
      now.put(t, t == SensitiveTopic.PSYCHOTHERAPY);
    }
    return ConsentFhir.bundle(
        "pat.jones",
        now,
        List.of(
            new ConsentChange(
                1L, "pat.jones", SensitiveTopic.PSYCHOTHERAPY, true, AT, "pat.jones", null)));
  }

  static List<SingleValidationMessage> errors(org.hl7.fhir.instance.model.api.IBaseResource r) {
    return validator.validateWithResult(r).getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .toList();
  }

  @Test
  void oneConsentPerTopicPermitOrDeny() {
    Bundle bundle = bundle();
    assertEquals(SensitiveTopic.values().length, bundle.getEntry().size());
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      Consent c = (Consent) e.getResource();
      String topic = c.getProvision().getCodeFirstRep().getCodingFirstRep().getCode();
      boolean psy = topic.equals("PSYCHOTHERAPY");
      assertEquals(
          psy ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY,
          c.getProvision().getType(),
          topic);
      assertEquals("pat.jones", c.getPatient().getIdentifier().getValue());
      assertEquals(psy, c.hasDateTime(), topic);
      if (psy) {
        assertEquals(AT, c.getDateTime().toInstant());
        assertEquals("PSYTHPN", c.getProvision().getSecurityLabelFirstRep().getCode());
      }
    }
  }

  @Test
  void theValidatorFindsNoError() {
    List<SingleValidationMessage> errors = errors(bundle());
    assertTrue(errors.isEmpty(), errors.toString());
    String json = ConsentFhir.json(bundle());
    assertTrue(json.contains("\"resourceType\":\"Consent\""), json);
  }

  @Test
  void positiveControlTheValidatorFindsAMissingStatus() {
    Consent broken =
        ConsentFhir.consent("pat.jones", SensitiveTopic.HIV, false, null).setStatus(null);
    assertFalse(errors(broken).isEmpty());
  }
}

package org.patientportal.web.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.crypto.entity.Sealed;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.FilingCopy;
import org.patientportal.records.entity.FiledEntry;
import org.patientportal.records.entity.RecordEntry;

/**
 * A filed entry as FHIR R4: one Communication per message, with the patient as subject (by medical
 * record number), sender and recipients, sent times, payload, partOf and inResponseTo, and HAPI's
 * validator (base R4 profiles and terminology) finds no error in it; the positive control shows the
 * validator does find one.
 */
class RecordFhirTest {

  static final Instant SENT = Instant.parse("2026-11-30T14:00:00Z");
  static FhirValidator validator;

  @BeforeAll
  static void validator() {
    FhirContext fhir = FhirContext.forR4Cached();
    validator = fhir.newValidator();
    ValidationSupportChain support =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(fhir),
            new InMemoryTerminologyServerValidationSupport(fhir),
            new CommonCodeSystemsTerminologyService(fhir),
            new SnapshotGeneratingValidationSupport(fhir));
    validator.registerValidatorModule(new FhirInstanceValidator(support));
  }

  static FiledEntry entry(String mrn, String to, Long amends) {
    FilingCopy copy =
        new FilingCopy(
            7L,
            "pat.jones",
            "Pat Jones",
            mrn,
            Category.TEST_RESULT,
            "My results — ¿están?",
            to,
            to.startsWith("pool:") ? "Breast Oncology" : "Dr. Smith",
            List.of(
                new FilingCopy.Filed(
                    11L, "pat.jones", "Pat Jones", true, SENT, "Are my results in? 🩺", List.of()),
                new FilingCopy.Filed(
                    12L,
                    "dr.smith",
                    "Dr. Smith",
                    false,
                    SENT.plusSeconds(3600),
                    "Yes, all normal.",
                    List.of("results.pdf"))));
    RecordEntry entry =
        new RecordEntry(
            amends == null ? 50L : 100L,
            "pat.jones",
            7L,
            amends == null ? 1 : 2,
            amends,
            "dr.smith",
            SENT.plusSeconds(7200),
            2,
            new Sealed(new byte[] {1}, new byte[Sealed.NONCE_BYTES], new byte[40], 1),
            new byte[32],
            "ed25519:0011223344556677",
            new byte[64]);
    return new FiledEntry(entry, null, "Dr. Smith", true, copy);
  }

  @Test
  void aFiledThreadIsABundleOfCommunicationsThatHapisValidatorAccepts() {
    for (FiledEntry e :
        List.of(
            entry("10004521", "pool:breast-oncology", null),
            entry(null, "dr.smith", null),
            entry("10004521", "dr.smith", 50L))) {
      String json = RecordFhir.json(e, "urn:oid:1.2.3.4.5");
      // the key that signed the entry is named
      org.hl7.fhir.r4.model.Coding key =
          RecordFhir.bundle(e, null)
              .getMeta()
              .getTag(RecordFhir.SIGNING_KEY_SYSTEM, e.getSigningKeyId());
      org.junit.jupiter.api.Assertions.assertNotNull(key, json);
      List<String> errors = errors(json);
      assertEquals(List.of(), errors, json);

      Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
      assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
      assertEquals(2, bundle.getEntry().size());
      Communication first = (Communication) bundle.getEntry().get(0).getResource();
      Communication second = (Communication) bundle.getEntry().get(1).getResource();
      assertEquals(Communication.CommunicationStatus.COMPLETED, first.getStatus());
      assertEquals("Patient", first.getSubject().getType());
      assertEquals(SENT, first.getSent().toInstant());
      assertEquals("Patient", first.getSender().getType());
      assertEquals(
          "Are my results in? 🩺", first.getPayloadFirstRep().getContentStringType().getValue());
      assertTrue(first.getInResponseTo().isEmpty());
      assertEquals("Practitioner", second.getSender().getType());
      assertEquals("Patient", second.getRecipientFirstRep().getType());
      assertEquals(2, second.getPayload().size(), "the text and the attachment's name");
      String firstUrl = bundle.getEntry().get(0).getFullUrl();
      assertEquals(firstUrl, second.getInResponseToFirstRep().getReference());
      assertEquals(firstUrl, second.getPartOfFirstRep().getReference());
    }
    Bundle pooled =
        RecordFhir.bundle(entry("10004521", "pool:breast-oncology", null), "urn:oid:1.2.3.4.5");
    Communication question = (Communication) pooled.getEntryFirstRep().getResource();
    assertEquals("CareTeam", question.getRecipientFirstRep().getType());
    assertEquals("10004521", question.getSubject().getIdentifier().getValue());
    assertEquals("urn:oid:1.2.3.4.5", question.getSubject().getIdentifier().getSystem());
    Communication viaUsername =
        (Communication)
            RecordFhir.bundle(entry(null, "dr.smith", null), null).getEntryFirstRep().getResource();
    assertEquals("pat.jones", viaUsername.getSubject().getIdentifier().getValue());
    assertEquals("Practitioner", viaUsername.getRecipientFirstRep().getType());
  }

  @Test
  void theValidatorFindsWhatIsWrong() {
    String json = RecordFhir.json(entry("10004521", "dr.smith", null), null);
    String broken = json.replace("\"status\": \"completed\"", "\"status\": \"filed-away\"");
    assertFalse(json.equals(broken), "the status was replaced");
    assertFalse(errors(broken).isEmpty(), "the validator finds a status outside its value set");
  }

  private static List<String> errors(String json) {
    return validator.validateWithResult(json).getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .toList();
  }
}

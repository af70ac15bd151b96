package org.patientportal.web.consent;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.patientportal.consent.entity.ConsentChange;
import org.patientportal.consent.entity.SensitiveTopic;

/**
 * A patient's agreements as a FHIR R4 Bundle (type collection) of Consent resources, one per topic:
 * status active, scope patient-privacy, category LOINC 59284-0 (Patient Consent), the patient by
 * username, the portal's policy ("sensitive topics in messages") as policy, and one provision:
 * permit (agreed) or deny (not agreed) the disclosure of the topic in messages, the topic coded by
 * the portal's own system and by the HL7 v3 sensitivity code that matches it (HIV, ETH, STD, SDV,
 * SEX, PSYTHPN). {@code dateTime} is when the topic last changed, where known.
 */
public final class ConsentFhir {

  public static final String MEDIA_TYPE = "application/fhir+json";
  static final String TOPIC_SYSTEM = "urn:patientportal:sensitive-topic";
  static final String USERNAME_SYSTEM = "urn:patientportal:username";
  static final String POLICY = "urn:patientportal:policy:sensitive-topics-in-messages";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  private static final Map<SensitiveTopic, String> SENSITIVITY =
      new EnumMap<>(SensitiveTopic.class);

  static {
    SENSITIVITY.put(SensitiveTopic.HIV, "HIV");
    SENSITIVITY.put(SensitiveTopic.SUBSTANCE_USE, "ETH");
    SENSITIVITY.put(SensitiveTopic.STD, "STD");
    SENSITIVITY.put(SensitiveTopic.SEXUAL_ASSAULT, "SDV");
    SENSITIVITY.put(SensitiveTopic.ABORTION, "SEX");
    SENSITIVITY.put(SensitiveTopic.DOMESTIC_VIOLENCE, "SDV");
    SENSITIVITY.put(SensitiveTopic.PSYCHOTHERAPY, "PSYTHPN");
  }

  private ConsentFhir() {}

  /** The bundle of a patient's agreements, {@code history} giving each topic's last change. */
  public static Bundle bundle(
      String patient, Map<SensitiveTopic, Boolean> agreements, List<ConsentChange> history) {
    Map<SensitiveTopic, Instant> changed = new EnumMap<>(SensitiveTopic.class);
    for (ConsentChange c : history) {
      changed.put(c.getTopic(), c.getChangedAt());
    }
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    for (Map.Entry<SensitiveTopic, Boolean> a : agreements.entrySet()) {
      Consent consent = consent(patient, a.getKey(), a.getValue(), changed.get(a.getKey()));
      bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(consent);
    }
    return bundle;
  }

  static Consent consent(String patient, SensitiveTopic topic, boolean agreed, Instant changed) {
    Consent consent = new Consent();
    consent.setStatus(Consent.ConsentState.ACTIVE);
    consent.setScope(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/consentscope",
                "patient-privacy",
                "Privacy Consent")));
    consent.addCategory(
        new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
    consent.setPatient(
        new Reference()
            .setIdentifier(new Identifier().setSystem(USERNAME_SYSTEM).setValue(patient))
            .setDisplay(patient));
    if (changed != null) {
      consent.setDateTime(Date.from(changed));
    }
    consent.addPolicy().setUri(POLICY);
    var provision = consent.getProvision();
    provision.setType(
        agreed ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
    provision.addAction(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/consentaction", "disclose", "Disclose")));
    provision.addSecurityLabel(new Coding().setSystem(ACT_CODE).setCode(SENSITIVITY.get(topic)));
    provision.addCode(new CodeableConcept(new Coding(TOPIC_SYSTEM, topic.name(), null)));
    return consent;
  }

  /** The bundle as FHIR JSON. */
  public static String json(Bundle bundle) {
    return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
  }
}

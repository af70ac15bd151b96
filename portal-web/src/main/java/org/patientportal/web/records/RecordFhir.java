package org.patientportal.web.records;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.patientportal.messaging.entity.FilingCopy;
import org.patientportal.records.entity.FiledEntry;

/**
 * A filed record entry as FHIR R4: a Bundle (type collection, identified by the entry) of one
 * Communication per filed message, built with HAPI FHIR's structures:
 *
 * <ul>
 *   <li>{@code subject}: the Patient, by the hospital's medical record number where the portal
 *       knows it, else by username (with the name as display);
 *   <li>{@code sender}: the Patient, or the Practitioner who wrote it (by username);
 *   <li>{@code recipient}: for the patient's messages, whom the thread is addressed to (a
 *       Practitioner, or the care team as a CareTeam by its code); for the care team's, the
 *       Patient;
 *   <li>{@code sent}: when it was sent; {@code status} completed; {@code category} the thread's
 *       subject category; {@code topic} its subject;
 *   <li>{@code payload}: the text, and each attachment by name (its content stays in the portal);
 *   <li>{@code partOf}: the thread's first filed message; {@code inResponseTo}: the one before;
 *   <li>{@code note}: who filed it, when, which entry and version it is, the key that signed it
 *       and, for an amendment, why.
 * </ul>
 *
 * <p>The Bundle names the key that signed the entry in a tag of its {@code meta} (system {@link
 * #SIGNING_KEY_SYSTEM}, code the key id).
 */
public final class RecordFhir {

  /** The media type of FHIR's JSON format. */
  public static final String MEDIA_TYPE = "application/fhir+json";

  static final String USERNAME_SYSTEM = "urn:patientportal:username";
  static final String CARE_TEAM_SYSTEM = "urn:patientportal:care-team";
  static final String MESSAGE_SYSTEM = "urn:patientportal:message";
  static final String ENTRY_SYSTEM = "urn:patientportal:record-entry";
  static final String CATEGORY_SYSTEM = "urn:patientportal:message-category";
  static final String DEFAULT_MRN_SYSTEM = "urn:patientportal:mrn";

  /** The system of the tag naming the key that signed the entry (the id the key export lists). */
  public static final String SIGNING_KEY_SYSTEM = "urn:patientportal:record-signing-key";

  private RecordFhir() {}

  /** The bundle of an intact entry; {@code mrnSystem} names the medical record numbers' system. */
  public static Bundle bundle(FiledEntry entry, String mrnSystem) {
    FilingCopy copy = entry.getContent();
    if (copy == null) {
      throw new IllegalArgumentException("only an intact entry has content");
    }
    String mrns = mrnSystem == null || mrnSystem.isBlank() ? DEFAULT_MRN_SYSTEM : mrnSystem;
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle.setIdentifier(
        new Identifier()
            .setSystem(ENTRY_SYSTEM)
            .setValue(entry.getId() + "/v" + entry.getVersion()));
    bundle.setTimestamp(Date.from(entry.getFiledAt()));
    bundle.getMeta().addTag(SIGNING_KEY_SYSTEM, entry.getSigningKeyId(), "Record signing key");
    Reference patient = patient(copy, mrns);
    String first = null;
    String previous = null;
    for (FilingCopy.Filed m : copy.messages()) {
      String url =
          "urn:uuid:"
              + UUID.nameUUIDFromBytes(
                  ("patient-portal/record/" + entry.getId() + "/message/" + m.id())
                      .getBytes(StandardCharsets.UTF_8));
      Communication c = new Communication();
      c.addIdentifier().setSystem(MESSAGE_SYSTEM).setValue(String.valueOf(m.id()));
      c.setStatus(Communication.CommunicationStatus.COMPLETED);
      c.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, copy.category().name(), null)));
      c.setSubject(patient.copy());
      c.setTopic(new CodeableConcept().setText(copy.subject()));
      c.setSent(Date.from(m.sentAt()));
      if (m.fromPatient()) {
        c.setSender(patient.copy());
        c.addRecipient(addressee(copy));
      } else {
        c.setSender(practitioner(m.author(), m.authorName()));
        c.addRecipient(patient.copy());
      }
      c.addPayload().setContent(new StringType(m.body()));
      for (String name : m.attachments()) {
        c.addPayload().setContent(new Attachment().setTitle(name));
      }
      if (first != null) {
        c.addPartOf(new Reference(first));
        c.addInResponseTo(new Reference(previous));
      } else {
        first = url;
      }
      previous = url;
      c.addNote(
          new Annotation()
              .setAuthor(new StringType(entry.getFiledByName()))
              .setTime(Date.from(entry.getFiledAt()))
              .setText(
                  "Filed into the medical record by "
                      + entry.getFiledByName()
                      + " (record entry "
                      + entry.getId()
                      + ", version "
                      + entry.getVersion()
                      + (entry.getPreviousId() == null
                          ? ""
                          : ", amending entry " + entry.getPreviousId())
                      + ", signed with key "
                      + entry.getSigningKeyId()
                      + ")."
                      + (entry.getReason() == null
                          ? ""
                          : " Reason for the amendment: " + entry.getReason())));
      bundle.addEntry().setFullUrl(url).setResource(c);
    }
    return bundle;
  }

  /** The bundle as FHIR JSON text. */
  public static String json(FiledEntry entry, String mrnSystem) {
    return FhirContext.forR4Cached()
        .newJsonParser()
        .setPrettyPrint(true)
        .encodeResourceToString(bundle(entry, mrnSystem));
  }

  private static Reference patient(FilingCopy copy, String mrnSystem) {
    Reference ref = new Reference().setType("Patient").setDisplay(copy.patientName());
    if (copy.patientMrn() != null) {
      ref.setIdentifier(
          new Identifier()
              .setSystem(mrnSystem)
              .setValue(copy.patientMrn())
              .setType(
                  new CodeableConcept(
                      new Coding(
                          "http://terminology.hl7.org/CodeSystem/v2-0203",
                          "MR",
                          "Medical record number"))));
    } else {
      ref.setIdentifier(new Identifier().setSystem(USERNAME_SYSTEM).setValue(copy.patient()));
    }
    return ref;
  }

  private static Reference practitioner(String username, String name) {
    return new Reference()
        .setType("Practitioner")
        .setIdentifier(new Identifier().setSystem(USERNAME_SYSTEM).setValue(username))
        .setDisplay(name);
  }

  private static Reference addressee(FilingCopy copy) {
    String to = copy.recipientAddress();
    if (to.startsWith("pool:")) {
      return new Reference()
          .setType("CareTeam")
          .setIdentifier(
              new Identifier().setSystem(CARE_TEAM_SYSTEM).setValue(to.substring("pool:".length())))
          .setDisplay(copy.recipientName());
    }
    return practitioner(to, copy.recipientName());
  }
}

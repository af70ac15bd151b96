package org.patientportal.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditOutcome;

class AuditFhirTest {

  static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

  static AuditEntry entry(
      long seq,
      String actor,
      String role,
      String onBehalfOf,
      String patient,
      AuditAction action,
      String resource,
      AuditOutcome outcome) {
    AuditEntry entry =
        new AuditEntry(
                AT,
                actor,
                onBehalfOf,
                patient,
                action,
                resource,
                outcome,
                "10.0.0." + seq,
                "Mozilla/5.0 (test)")
            .actingAs(role);
    try {
      Field field = AuditEntry.class.getDeclaredField("seq");
      field.setAccessible(true);
      field.set(entry, seq);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return entry;
  }

  /** The bundle as a receiver reads it: written as FHIR JSON, parsed back by HAPI. */
  static Bundle roundTrip(List<AuditEntry> entries) throws Exception {
    StringWriter json = new StringWriter();
    AuditFhir.write(entries, AT.plusSeconds(60), json);
    return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json.toString());
  }

  @Test
  void aReadOfAPatientsMessageIsABalpRestReadWithThePatientAndTheReader() throws Exception {
    Bundle bundle =
        roundTrip(
            List.of(
                entry(
                    42,
                    "dr.smith",
                    "clinician",
                    null,
                    "pat.jones",
                    AuditAction.MESSAGE_OPENED,
                    "message/9",
                    AuditOutcome.SUCCESS)));
    assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
    assertEquals(1, bundle.getEntry().size());
    assertTrue(bundle.getEntryFirstRep().getFullUrl().startsWith("urn:uuid:"));
    AuditEvent event = (AuditEvent) bundle.getEntryFirstRep().getResource();

    assertEquals("42", event.getIdElement().getIdPart());
    assertEquals(AuditFhir.EVENT_TYPE, event.getType().getSystem());
    assertEquals("rest", event.getType().getCode());
    assertEquals(
        List.of(AuditFhir.INTERACTION + "#read", AuditFhir.ACTION_SYSTEM + "#" + "MESSAGE_OPENED"),
        event.getSubtype().stream().map(c -> c.getSystem() + "#" + c.getCode()).toList());
    assertEquals(AuditEvent.AuditEventAction.R, event.getAction());
    assertEquals(AT, event.getRecorded().toInstant());
    assertEquals(AuditEvent.AuditEventOutcome._0, event.getOutcome());

    assertEquals(1, event.getAgent().size());
    AuditEventAgentComponent reader = event.getAgentFirstRep();
    assertTrue(reader.getRequestor());
    assertEquals("dr.smith", reader.getWho().getIdentifier().getValue());
    assertEquals(AuditFhir.USERNAME_SYSTEM, reader.getWho().getIdentifier().getSystem());
    assertEquals("clinician", reader.getRoleFirstRep().getCodingFirstRep().getCode());
    assertEquals("IRCP", reader.getType().getCodingFirstRep().getCode());
    assertEquals("10.0.0.42", reader.getNetwork().getAddress());
    assertEquals("2", reader.getNetwork().getType().toCode());

    assertEquals("Patient Portal", event.getSource().getObserver().getDisplay());
    assertEquals("4", event.getSource().getTypeFirstRep().getCode());

    assertEquals(2, event.getEntity().size());
    AuditEventEntityComponent patient = event.getEntity().get(0);
    assertEquals("Patient", patient.getWhat().getType());
    assertEquals("pat.jones", patient.getWhat().getIdentifier().getValue());
    assertEquals("1", patient.getType().getCode());
    assertEquals("1", patient.getRole().getCode());
    AuditEventEntityComponent message = event.getEntity().get(1);
    assertEquals("message/9", message.getWhat().getIdentifier().getValue());
    assertEquals("4", message.getRole().getCode());
  }

  @Test
  void aRefusalIsAMinorFailureAndAProxyNamesWhomTheyActedFor() throws Exception {
    AuditEvent refused =
        (AuditEvent)
            roundTrip(
                    List.of(
                        entry(
                            7,
                            "chris.jones",
                            "proxy",
                            "pat.jones",
                            "pat.jones",
                            AuditAction.ACCESS_DENIED,
                            "thread/3",
                            AuditOutcome.DENIED)))
                .getEntryFirstRep()
                .getResource();
    assertEquals(AuditEvent.AuditEventOutcome._4, refused.getOutcome());
    assertFalse(refused.getOutcomeDesc().isBlank());
    assertEquals(2, refused.getAgent().size());
    AuditEventAgentComponent principal = refused.getAgent().get(1);
    assertFalse(principal.getRequestor());
    assertEquals("pat.jones", principal.getWho().getIdentifier().getValue());
  }

  @Test
  void searchesAndExportsOfTheLogCarryTheirCriteriaAsAQuery() throws Exception {
    Bundle bundle =
        roundTrip(
            List.of(
                entry(
                    9,
                    "audit.kim",
                    "auditor",
                    null,
                    null,
                    AuditAction.AUDIT_EXPORT,
                    "patient=pat.jones format=fhir",
                    AuditOutcome.SUCCESS),
                entry(
                    8,
                    "audit.kim",
                    null,
                    null,
                    null,
                    AuditAction.SIGN_IN,
                    null,
                    AuditOutcome.SUCCESS)));
    AuditEvent export = (AuditEvent) bundle.getEntry().get(0).getResource();
    assertEquals(AuditFhir.DICOM, export.getType().getSystem());
    assertEquals("110106", export.getType().getCode());
    assertEquals("INF", export.getAgentFirstRep().getType().getCodingFirstRep().getCode());
    AuditEventEntityComponent query = export.getEntityFirstRep();
    assertEquals("24", query.getRole().getCode());
    assertEquals(
        "patient=pat.jones format=fhir", new String(query.getQuery(), StandardCharsets.UTF_8));

    AuditEvent signIn = (AuditEvent) bundle.getEntry().get(1).getResource();
    assertEquals("110114", signIn.getType().getCode());
    Coding login = signIn.getSubtype().get(0);
    assertEquals("110122", login.getCode());
    assertTrue(signIn.getEntity().isEmpty(), "no patient, no resource");
    assertTrue(signIn.getAgentFirstRep().getRole().isEmpty(), "no role recorded");
    assertNull(signIn.getOutcomeDesc());
  }

  @Test
  void everyActionMapsToAnEvent() {
    for (AuditAction action : AuditAction.values()) {
      AuditEvent event =
          AuditFhir.event(entry(1, "someone", null, null, null, action, "x", AuditOutcome.FAILED));
      assertFalse(event.getType().getCode().isBlank(), action.name());
      assertEquals(AuditEvent.AuditEventOutcome._8, event.getOutcome());
    }
  }
}

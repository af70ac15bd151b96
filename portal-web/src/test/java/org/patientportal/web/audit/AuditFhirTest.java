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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    assertEquals(3, event.getAgent().size(), "the reader, the client and the server");
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
    assertEquals(4, refused.getAgent().size(), "proxy, patient, client, server");
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

  static final AuditFhir.Context CONTEXT =
      new AuditFhir.Context(
          "portal.example.org", "urn:oid:1.2.3.4.5", java.util.Map.of("pat.jones", "10004521"));

  static AuditEvent event(AuditEntry entry) {
    return (AuditEvent)
        AuditFhir.bundle(List.of(entry), AT, CONTEXT).getEntryFirstRep().getResource();
  }

  static AuditEventAgentComponent agentOfType(AuditEvent event, String code) {
    return event.getAgent().stream()
        .filter(a -> a.getType().getCodingFirstRep().getCode().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no agent of type " + code));
  }

  @Test
  void everyRestEventHasBalpsClientAgentWithTheAddressAndServerAgent() {
    for (AuditAction action : AuditAction.values()) {
      AuditEvent event =
          event(
              entry(
                  5,
                  "dr.smith",
                  "clinician",
                  null,
                  "pat.jones",
                  action,
                  "message/9",
                  AuditOutcome.SUCCESS));
      AuditEventAgentComponent client = agentOfType(event, "110153");
      assertEquals(AuditFhir.DICOM, client.getType().getCodingFirstRep().getSystem());
      assertEquals("10.0.0.5", client.getNetwork().getAddress(), action.name());
      assertEquals("2", client.getNetwork().getType().toCode());
      assertFalse(client.getRequestor());
      AuditEventAgentComponent server = agentOfType(event, "110152");
      assertFalse(server.getRequestor());
      if (!action.name().startsWith("KEYCLOAK_")) {
        assertEquals("patient-portal", server.getWho().getIdentifier().getValue());
        assertEquals("portal.example.org", server.getNetwork().getAddress());
        assertEquals("1", server.getNetwork().getType().toCode());
      } else {
        assertEquals("keycloak", server.getWho().getIdentifier().getValue());
      }
    }
  }

  @Test
  void workDoneInsideTheServerHasNoNetworkAgents() {
    AuditEntry timer =
        new AuditEntry(
            AT,
            "system",
            null,
            null,
            AuditAction.AUDIT_ARCHIVED,
            "1-1000",
            AuditOutcome.SUCCESS,
            "internal",
            null);
    assertEquals(1, AuditFhir.event(timer, CONTEXT).getAgent().size());
  }

  @Test
  void signInsAndKeycloaksLoginsAreUserAuthenticationLoginAndLogoutsLogout() {
    for (AuditAction action :
        List.of(
            AuditAction.SIGN_IN, AuditAction.KEYCLOAK_LOGIN, AuditAction.KEYCLOAK_LOGIN_FAILED)) {
      AuditEvent event =
          event(entry(3, "pat.jones", null, null, null, action, "x", AuditOutcome.SUCCESS));
      assertEquals(AuditFhir.DICOM + "#110114", code(event.getType()), action.name());
      assertEquals(AuditFhir.DICOM + "#110122", code(event.getSubtypeFirstRep()), action.name());
    }
    AuditEvent logout =
        event(
            entry(
                3,
                "pat.jones",
                null,
                null,
                null,
                AuditAction.KEYCLOAK_LOGOUT,
                "x",
                AuditOutcome.SUCCESS));
    assertEquals(AuditFhir.DICOM + "#110114", code(logout.getType()));
    assertEquals(AuditFhir.DICOM + "#110123", code(logout.getSubtypeFirstRep()));
  }

  @ParameterizedTest(name = "a refusal of {0} is {1} ({2})")
  @CsvSource({
    "thread/3, read, R",
    "attachment/8, read, R",
    "patient/pat.jones, create, C",
    "/portal/audit/log.xhtml, read, R",
    "GET /portal/api/v1/threads/3, read, R",
    "GET /portal/api/v1/audit?patient=pat.jones, search-type, E",
    "POST /portal/api/v1/admin/keys/rotation, create, C",
    "DELETE /portal/api/v1/me/proxies/4, delete, D",
    "PUT /portal/api/v1/me/consents, update, U"
  })
  void aRefusalIsCodedByTheActionThatWasRefused(String resource, String code, String action) {
    AuditEvent event =
        event(
            entry(
                4,
                "sam.rivera",
                "patient",
                null,
                "pat.jones",
                AuditAction.ACCESS_DENIED,
                resource,
                AuditOutcome.DENIED));
    assertEquals(AuditFhir.EVENT_TYPE + "#rest", code(event.getType()));
    assertEquals(AuditFhir.INTERACTION + "#" + code, code(event.getSubtypeFirstRep()));
    assertEquals(action, event.getAction().toCode());
    assertEquals(AuditEvent.AuditEventOutcome._4, event.getOutcome());
  }

  @Test
  void thePatientIsIdentifiedByTheHospitalsMedicalRecordNumberAndTheUsername() {
    AuditEvent event =
        event(
            entry(
                6,
                "dr.smith",
                "clinician",
                null,
                "pat.jones",
                AuditAction.MESSAGE_OPENED,
                "message/9",
                AuditOutcome.SUCCESS));
    AuditEventEntityComponent patient = event.getEntityFirstRep();
    assertEquals("Patient", patient.getWhat().getType());
    assertEquals("urn:oid:1.2.3.4.5", patient.getWhat().getIdentifier().getSystem());
    assertEquals("10004521", patient.getWhat().getIdentifier().getValue());
    assertEquals("MR", patient.getWhat().getIdentifier().getType().getCodingFirstRep().getCode());
    assertEquals("pat.jones", patient.getWhat().getDisplay());
    assertEquals("username", patient.getDetailFirstRep().getType());
    assertEquals("pat.jones", patient.getDetailFirstRep().getValue().primitiveValue());
  }

  /**
   * HAPI's FHIR validator, with the base R4 profiles and terminology of the structures, checks an
   * export holding every action (and a refusal of each kind): no errors.
   */
  @Test
  void theExportIsValidFhirR4ByHapisValidator() {
    List<AuditEntry> entries = new java.util.ArrayList<>();
    long seq = 1;
    for (AuditAction action : AuditAction.values()) {
      entries.add(
          entry(
              seq++,
              "dr.smith",
              "clinician",
              seq % 2 == 0 ? "pat.jones" : null,
              "pat.jones",
              action,
              action == AuditAction.ACCESS_DENIED
                  ? "POST /portal/api/v1/threads?x=1"
                  : "message/" + seq,
              AuditOutcome.SUCCESS));
    }
    entries.add(
        new AuditEntry(
            AT,
            "system",
            null,
            "sam.rivera",
            AuditAction.AUDIT_ARCHIVED,
            "1-1000",
            AuditOutcome.SUCCESS,
            "internal",
            null));
    FhirContext fhir = FhirContext.forR4Cached();
    String json =
        fhir.newJsonParser().encodeResourceToString(AuditFhir.bundle(entries, AT, CONTEXT));
    ca.uhn.fhir.validation.FhirValidator validator = fhir.newValidator();
    org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain support =
        new org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain(
            new ca.uhn.fhir.context.support.DefaultProfileValidationSupport(fhir),
            new org.hl7.fhir.common.hapi.validation.support
                .InMemoryTerminologyServerValidationSupport(fhir),
            new org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService(
                fhir),
            new org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport(
                fhir));
    validator.registerValidatorModule(
        new org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator(support));
    List<String> errors = errors(validator, json);
    assertTrue(errors.isEmpty(), String.join("\n", errors));
    // the positive control: the validator does find a required element missing
    String broken = json.replaceFirst("\"recorded\": ?\"[^\"]*\",", "");
    assertFalse(broken.equals(json), "the control removed an AuditEvent's recorded time");
    assertFalse(errors(validator, broken).isEmpty(), "the validator finds what is wrong");
  }

  private static List<String> errors(ca.uhn.fhir.validation.FhirValidator validator, String json) {
    return validator.validateWithResult(json).getMessages().stream()
        .filter(
            m ->
                m.getSeverity().ordinal()
                    >= ca.uhn.fhir.validation.ResultSeverityEnum.ERROR.ordinal())
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .toList();
  }

  private static String code(Coding coding) {
    return coding.getSystem() + "#" + coding.getCode();
  }
}

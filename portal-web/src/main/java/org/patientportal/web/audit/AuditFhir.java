package org.patientportal.web.audit;

import ca.uhn.fhir.context.FhirContext;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.platform.boundary.RequestOrigin;

/**
 * Audit entries as a FHIR R4 Bundle (type collection) of AuditEvent resources, mapped the way IHE's
 * Basic Audit Log Patterns (BALP) map a RESTful access as far as the entry says it:
 *
 * <ul>
 *   <li>{@code type}/{@code subtype}/{@code action}: from the action (a read is audit-event-type
 *       {@code rest} + restful-interaction {@code read} + R; a sign-in is DICOM 110114 User
 *       Authentication + 110122 Login; an export DICOM 110106 Export; …), plus the portal's own
 *       action code as a second subtype, so nothing is lost;
 *   <li>{@code recorded}: when it happened; {@code outcome}: 0 success, 4 refused, 8 failed;
 *   <li>agent: the actor (requestor, identified by username, the portal role as {@code role}, the
 *       client address as network address), whoever they acted on behalf of, and on every event
 *       that came over the network BALP's client agent (DICOM 110153 Source Role ID, with the
 *       client's address) and server agent (110152 Destination Role ID: the portal, or Keycloak for
 *       its sign-ins, with the server's host name);
 *   <li>a sign-in is DICOM 110114 User Authentication with subtype 110122 Login (the portal's own
 *       and Keycloak's), a sign-out 110123 Logout;
 *   <li>a refusal is coded by the action that was refused (the method the entry names, or what its
 *       resource says: a thread, message or attachment was to be read, a thread about a patient
 *       created), with outcome 4;
 *   <li>entity: the patient (a Patient reference by the hospital's medical record number where the
 *       portal knows it, else by username; the username also as the reference's display and as a
 *       detail; role Patient) and the resource (role Domain Resource; for searches and exports of
 *       the log the criteria as a Query);
 *   <li>source: the portal, an application server.
 * </ul>
 *
 * The user agent is not carried (R4's AuditEvent has no place for it; the CSV has it). Message
 * bodies are never in an audit entry, so never in a bundle either.
 */
final class AuditFhir {

  /** The media type of FHIR's JSON format. */
  static final String MEDIA_TYPE = "application/fhir+json";

  static final String USERNAME_SYSTEM = "urn:patientportal:username";
  static final String ROLE_SYSTEM = "urn:patientportal:role";
  static final String ACTION_SYSTEM = "urn:patientportal:audit-action";
  static final String RESOURCE_SYSTEM = "urn:patientportal:resource";
  static final String SYSTEM_SYSTEM = "urn:patientportal:system";
  static final String CLIENT_SYSTEM = "urn:patientportal:client-address";

  /** The default system of the hospital's medical record numbers (PORTAL_MRN_SYSTEM sets it). */
  static final String DEFAULT_MRN_SYSTEM = "urn:patientportal:mrn";

  static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

  static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
  static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
  static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
  static final String ROLE_CLASS = "http://terminology.hl7.org/CodeSystem/v3-RoleClass";
  static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
  static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
  static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";

  /** How one action is told in BALP's terms. */
  record Kind(
      Coding type, Coding subtype, AuditEventAction action, Coding userType, boolean query) {}

  private static final Coding REST = coding(EVENT_TYPE, "rest", "Restful Operation");
  private static final Coding READ = coding(INTERACTION, "read", "read");
  private static final Coding CREATE = coding(INTERACTION, "create", "create");
  private static final Coding UPDATE = coding(INTERACTION, "update", "update");
  private static final Coding SEARCH = coding(INTERACTION, "search-type", "search type");
  private static final Coding RECIPIENT = coding(PARTICIPATION, "IRCP", "information recipient");
  private static final Coding AUTHOR = coding(PARTICIPATION, "AUT", "author (originator)");
  private static final Coding AGENT = coding(ROLE_CLASS, "AGNT", "agent");
  private static final Coding INFORMANT = coding(PARTICIPATION, "INF", "informant");

  private static final Coding SOURCE_ROLE = coding(DICOM, "110153", "Source Role ID");
  private static final Coding DESTINATION_ROLE = coding(DICOM, "110152", "Destination Role ID");
  private static final Coding USER_AUTHENTICATION = coding(DICOM, "110114", "User Authentication");
  private static final Coding LOGIN = coding(DICOM, "110122", "Login");
  private static final Coding LOGOUT = coding(DICOM, "110123", "Logout");

  /**
   * What an export knows beyond the entries: the portal's host name (the server agent's address),
   * and the system and values of the hospital's medical record numbers by username.
   */
  record Context(String serverHost, String mrnSystem, Map<String, String> mrns) {

    static final Context NONE = new Context(null, DEFAULT_MRN_SYSTEM, Map.of());

    Context {
      mrnSystem = mrnSystem == null || mrnSystem.isBlank() ? DEFAULT_MRN_SYSTEM : mrnSystem;
      mrns = mrns == null ? Map.of() : mrns;
    }
  }

  private AuditFhir() {}

  /** The bundle of {@code entries}, made at {@code now}, without medical record numbers. */
  static Bundle bundle(List<AuditEntry> entries, Instant now) {
    return bundle(entries, now, Context.NONE);
  }

  /** The bundle of {@code entries}, made at {@code now}. */
  static Bundle bundle(List<AuditEntry> entries, Instant now, Context context) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle.setTimestamp(Date.from(now));
    bundle.setIdentifier(
        new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID()));
    for (AuditEntry entry : entries) {
      bundle
          .addEntry()
          .setFullUrl(
              "urn:uuid:"
                  + UUID.nameUUIDFromBytes(
                      ("patient-portal/audit-entry/" + entry.getSeq())
                          .getBytes(StandardCharsets.UTF_8)))
          .setResource(event(entry, context));
    }
    return bundle;
  }

  /** Writes the bundle of {@code entries} as FHIR JSON. */
  static void write(List<AuditEntry> entries, Instant now, Writer out) throws java.io.IOException {
    write(entries, now, Context.NONE, out);
  }

  /** Writes the bundle of {@code entries} as FHIR JSON. */
  static void write(List<AuditEntry> entries, Instant now, Context context, Writer out)
      throws java.io.IOException {
    FhirContext.forR4Cached()
        .newJsonParser()
        .encodeResourceToWriter(bundle(entries, now, context), out);
  }

  /** The bundle as FHIR JSON text. */
  static String json(List<AuditEntry> entries, Instant now) {
    return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle(entries, now));
  }

  static AuditEvent event(AuditEntry e) {
    return event(e, Context.NONE);
  }

  static AuditEvent event(AuditEntry e, Context context) {
    Kind kind =
        e.getAction() == AuditAction.ACCESS_DENIED ? refused(e.getResource()) : kind(e.getAction());
    AuditEvent event = new AuditEvent();
    if (e.getSeq() != null) {
      event.setId(String.valueOf(e.getSeq()));
    }
    event.setType(kind.type());
    if (kind.subtype() != null) {
      event.addSubtype(kind.subtype());
    }
    event.addSubtype(coding(ACTION_SYSTEM, e.getAction().name(), null));
    event.setAction(kind.action());
    event.setRecorded(Date.from(e.getAt()));
    event.setOutcome(outcome(e.getOutcome()));
    if (e.getOutcome() == AuditOutcome.DENIED) {
      event.setOutcomeDesc("Refused: the actor's role or relation does not allow it.");
    }

    AuditEventAgentComponent user = event.addAgent();
    user.setType(new CodeableConcept(kind.userType()));
    user.setWho(person(e.getActor(), null));
    user.setAltId(e.getActor());
    user.setRequestor(true);
    if (e.getActorRole() != null) {
      user.addRole(new CodeableConcept(coding(ROLE_SYSTEM, e.getActorRole(), null)));
    }
    user.getNetwork().setAddress(e.getClientAddress()).setType(AuditEventAgentNetworkType._2);
    if (e.getOnBehalfOf() != null) {
      AuditEventAgentComponent principal = event.addAgent();
      principal.setType(new CodeableConcept(coding(PARTICIPATION, "RESP", "responsible party")));
      principal.setWho(person(e.getOnBehalfOf(), null));
      principal.setRequestor(false);
    }
    if (!RequestOrigin.INTERNAL.equals(e.getClientAddress())) {
      // BALP: who asked over the network (the client) and who answered (the server)
      AuditEventAgentComponent client = event.addAgent();
      client.setType(new CodeableConcept(SOURCE_ROLE));
      client.setWho(
          new Reference()
              .setIdentifier(
                  new Identifier().setSystem(CLIENT_SYSTEM).setValue(e.getClientAddress()))
              .setDisplay(e.getUserAgent()));
      client.setRequestor(false);
      network(client, e.getClientAddress());
      AuditEventAgentComponent server = event.addAgent();
      server.setType(new CodeableConcept(DESTINATION_ROLE));
      boolean keycloak = e.getAction().name().startsWith("KEYCLOAK_");
      server.setWho(
          new Reference()
              .setIdentifier(
                  new Identifier()
                      .setSystem(SYSTEM_SYSTEM)
                      .setValue(keycloak ? "keycloak" : "patient-portal"))
              .setDisplay(keycloak ? "Keycloak" : "Patient Portal"));
      server.setRequestor(false);
      if (context.serverHost() != null && !keycloak) {
        network(server, context.serverHost());
      }
    }

    event
        .getSource()
        .setSite("patient-portal")
        .setObserver(
            new Reference()
                .setIdentifier(new Identifier().setSystem(SYSTEM_SYSTEM).setValue("patient-portal"))
                .setDisplay("Patient Portal"))
        .addType(coding(SOURCE_TYPE, "4", "Application Server"));

    if (e.getPatient() != null) {
      AuditEventEntityComponent patient = event.addEntity();
      String mrn = context.mrns().get(e.getPatient());
      if (mrn == null) {
        patient.setWhat(person(e.getPatient(), "Patient"));
      } else {
        patient.setWhat(
            new Reference()
                .setType("Patient")
                .setIdentifier(
                    new Identifier()
                        .setType(
                            new CodeableConcept(
                                coding(IDENTIFIER_TYPE, "MR", "Medical record number")))
                        .setSystem(context.mrnSystem())
                        .setValue(mrn))
                .setDisplay(e.getPatient()));
      }
      patient
          .addDetail()
          .setType("username")
          .setValue(new org.hl7.fhir.r4.model.StringType(e.getPatient()));
      patient.setType(coding(ENTITY_TYPE, "1", "Person"));
      patient.setRole(coding(OBJECT_ROLE, "1", "Patient"));
    }
    if (e.getResource() != null) {
      AuditEventEntityComponent resource = event.addEntity();
      resource.setType(coding(ENTITY_TYPE, "2", "System Object"));
      if (kind.query()) {
        resource.setRole(coding(OBJECT_ROLE, "24", "Query"));
        resource.setQuery(e.getResource().getBytes(StandardCharsets.UTF_8));
        resource.setDescription(e.getResource());
      } else {
        resource.setRole(coding(OBJECT_ROLE, "4", "Domain Resource"));
        resource.setWhat(
            new Reference()
                .setIdentifier(
                    new Identifier().setSystem(RESOURCE_SYSTEM).setValue(e.getResource())));
      }
    }
    return event;
  }

  private static Kind kind(AuditAction action) {
    return switch (action) {
      case MESSAGE_OPENED, ATTACHMENT_DOWNLOADED, RECORD_OPENED ->
          new Kind(REST, READ, AuditEventAction.R, RECIPIENT, false);
      case MESSAGE_SENT, GUIDELINES_ACCEPTED, FILED ->
          new Kind(REST, CREATE, AuditEventAction.C, AUTHOR, false);
      case THREAD_DONE -> new Kind(REST, UPDATE, AuditEventAction.U, AGENT, false);
      case AUDIT_SEARCH -> new Kind(REST, SEARCH, AuditEventAction.E, RECIPIENT, true);
      case AUDIT_EXPORT ->
          new Kind(coding(DICOM, "110106", "Export"), null, AuditEventAction.R, INFORMANT, true);
      case SIGN_IN, KEYCLOAK_LOGIN, KEYCLOAK_LOGIN_FAILED ->
          new Kind(USER_AUTHENTICATION, LOGIN, AuditEventAction.E, AGENT, false);
      case KEYCLOAK_LOGOUT ->
          new Kind(USER_AUTHENTICATION, LOGOUT, AuditEventAction.E, AGENT, false);
      case ACCESS_DENIED -> refused(null);
      default ->
          new Kind(
              coding(DICOM, "110100", "Application Activity"),
              null,
              AuditEventAction.E,
              AGENT,
              false);
    };
  }

  private static final Pattern METHOD = Pattern.compile("(GET|HEAD|POST|PUT|PATCH|DELETE) (\\S+)");
  private static final Pattern READ_TARGET = Pattern.compile("(thread|message|attachment)/.+");

  /**
   * How a refusal is told: as the action that was refused. The entry names the method of a refused
   * request ({@code POST /portal/api/v1/threads}), or the thing it was refused (a thread, message
   * or attachment was to be read; a thread about a {@code patient/} to be created); a page without
   * a method was to be read. What cannot be told is a RESTful operation of unknown kind.
   */
  static Kind refused(String resource) {
    if (resource == null) {
      return new Kind(REST, null, AuditEventAction.E, RECIPIENT, false);
    }
    Matcher method = METHOD.matcher(resource);
    if (method.lookingAt()) {
      return switch (method.group(1)) {
        case "GET", "HEAD" ->
            method.group(2).contains("?")
                ? new Kind(REST, SEARCH, AuditEventAction.E, RECIPIENT, false)
                : new Kind(REST, READ, AuditEventAction.R, RECIPIENT, false);
        case "POST" -> new Kind(REST, CREATE, AuditEventAction.C, AUTHOR, false);
        case "DELETE" ->
            new Kind(
                REST, coding(INTERACTION, "delete", "delete"), AuditEventAction.D, AGENT, false);
        default -> new Kind(REST, UPDATE, AuditEventAction.U, AGENT, false);
      };
    }
    if (READ_TARGET.matcher(resource).matches() || resource.startsWith("/")) {
      return new Kind(REST, READ, AuditEventAction.R, RECIPIENT, false);
    }
    if (resource.startsWith("patient/")) {
      return new Kind(REST, CREATE, AuditEventAction.C, AUTHOR, false);
    }
    return new Kind(REST, null, AuditEventAction.E, RECIPIENT, false);
  }

  /** Sets an agent's network address: an IP address (type 2) or a machine name (type 1). */
  private static void network(AuditEventAgentComponent agent, String address) {
    boolean ip = address.matches("[0-9.]+") || address.contains(":");
    agent
        .getNetwork()
        .setAddress(address)
        .setType(ip ? AuditEventAgentNetworkType._2 : AuditEventAgentNetworkType._1);
  }

  private static AuditEventOutcome outcome(AuditOutcome outcome) {
    return switch (outcome) {
      case SUCCESS -> AuditEventOutcome._0;
      case DENIED -> AuditEventOutcome._4;
      case FAILED -> AuditEventOutcome._8;
    };
  }

  private static Reference person(String username, String type) {
    Reference reference =
        new Reference()
            .setIdentifier(new Identifier().setSystem(USERNAME_SYSTEM).setValue(username))
            .setDisplay(username);
    if (type != null) {
      reference.setType(type);
    }
    return reference;
  }

  private static Coding coding(String system, String code, String display) {
    return new Coding(system, code, display);
  }
}

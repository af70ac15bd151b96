package org.patientportal.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document that WildFly's MicroProfile OpenAPI builds from the JAX-RS
 * resources (served at {@code /openapi}): what a client author needs beyond the scan. The bearer
 * scheme (a Keycloak access token) on every call, the RFC 9457 problem every call may answer (with
 * an example of each), and examples of the request bodies and answers of the main calls. Kept here,
 * in one place, rather than as annotations spread over every resource.
 */
public class OpenApiFilter implements OASFilter {

  static final String BEARER = "bearer";

  /**
   * The project states no licence yet: this says where to look rather than inventing one, with an
   * SPDX reference of the project's own ({@code LicenseRef-}) as OpenAPI 3.1 allows.
   */
  static final String LICENSE = "The patient portal's licence (see its source repository)";

  static final String LICENSE_ID = "LicenseRef-patient-portal";

  static final String PROBLEM = "Problem";

  /** The problems every call may answer: status, component name, description and an example. */
  record ProblemResponse(
      String status, String name, String description, Map<String, Object> example) {}

  static final List<ProblemResponse> PROBLEMS =
      List.of(
          problem(
              "400",
              "BadRequest",
              "The input is not valid; field names the input at fault.",
              "invalid-input",
              "Bad Request",
              "A page holds between 1 and 500 entries.",
              "size"),
          problem(
              "401",
              "Unauthorized",
              "No bearer token, or one that is not valid (expired, not issued for the portal).",
              "unauthorized",
              "Unauthorized",
              "This API needs a bearer token from the portal's Keycloak realm.",
              null),
          problem(
              "403",
              "Forbidden",
              "The caller's role does not allow this call. The refusal is written to the audit log.",
              "forbidden",
              "Forbidden",
              "Your role does not allow this request.",
              null),
          problem(
              "404",
              "NotFound",
              "There is no such resource, or it is not the caller's to see (the two are not told"
                  + " apart). A refusal is written to the audit log.",
              "not-found",
              "Not Found",
              "There is no such conversation, or it is not yours to see.",
              null),
          problem(
              "405",
              "MethodNotAllowed",
              "The resource has no such method; the Allow header lists those it has.",
              "http-405",
              "Method Not Allowed",
              "The request could not be served as sent: Method Not Allowed.",
              null),
          problem(
              "409",
              "Conflict",
              "The request conflicts with the resource's state (e.g. guidelines changed since read).",
              "conflict",
              "Conflict",
              "The guidelines have changed; read them again before accepting.",
              null),
          problem(
              "500",
              "InternalError",
              "Something failed on the server; the incident id is in its log. Never the failure's"
                  + " own text.",
              "internal-error",
              "Internal Server Error",
              "Something went wrong on our side. Incident 3f0c1e2a-5b6d-4e8f-9a0b-1c2d3e4f5a6b"
                  + " has been logged.",
              null));

  /**
   * Several named examples of one body (OpenAPI's {@code examples}), where one example cannot show
   * every shape a call takes: each request type's form, for instance.
   */
  record Named(Map<String, Object> examples) {}

  /** An example record signing key, as the key export lists it. */
  static final Map<String, Object> SIGNING_KEY =
      Map.of(
          "kty",
          "OKP",
          "crv",
          "Ed25519",
          "kid",
          "ed25519:3f5a0c9e1b2d4f68",
          "x",
          "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
          "use",
          "sig",
          "alg",
          "EdDSA");

  /**
   * Examples of request bodies, by "METHOD path" (the path below /api/v1). (Map.ofEntries: Map.of
   * takes at most ten pairs.)
   */
  static final Map<String, Object> REQUEST_EXAMPLES =
      Map.ofEntries(
          Map.entry(
              "POST /enrollment/codes",
              Map.of(
                  "kind", "PATIENT",
                  "firstName", "Inés",
                  "lastName", "Núñez",
                  "birthDate", "1961-04-23",
                  "email", "ines.nunez@example.org",
                  "mrn", "MRN-004711",
                  "delivery", "PRINT")),
          Map.entry(
              "POST /enrollment",
              Map.of(
                  "code",
                  "7KQ2-M9XD-4HTR",
                  "birthDate",
                  "1961-04-23",
                  "email",
                  "ines.nunez@example.org")),
          Map.entry(
              "POST /threads",
              Map.of(
                  "to",
                  "dr.smith",
                  "category",
                  "APPOINTMENT",
                  "subject",
                  "Scan date",
                  "body",
                  "Can I move my scan to next week?",
                  "readReceipt",
                  true,
                  "attachments",
                  List.of(Map.of("filename", "letter.pdf", "content", "JVBERi0xLjQK...")))),
          Map.entry("POST /threads/{id}/messages", Map.of("body", "Thank you, that works for me.")),
          Map.entry("POST /threads/{id}/assignment", Map.of("to", "nurse.lee")),
          Map.entry(
              "POST /threads/{id}/forward",
              Map.of("to", "dr.chen", "note", "Could you look at the dose question?")),
          Map.entry(
              "POST /threads/{id}/filing",
              new Named(
                  Map.of(
                      "the whole thread",
                      Map.of(),
                      "chosen messages",
                      Map.of("messageIds", List.of(101, 102)),
                      "an amendment",
                      Map.of(
                          "messageIds",
                          List.of(101, 102, 105),
                          "amends",
                          7,
                          "reason",
                          "The answer of 3 December belongs in the record too.")))),
          Map.entry(
              "POST /messaging/guidelines/acceptance",
              Map.of(
                  "sha256",
                  "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  "language",
                  "en")),
          Map.entry(
              "POST /me/proxies",
              Map.of(
                  "proxy",
                  "chris.jones",
                  "scopes",
                  List.of("MESSAGING", "REQUESTS"),
                  "expiresAt",
                  "2027-06-30")),
          Map.entry(
              "POST /patients/{username}/proxies",
              Map.of(
                  "proxy",
                  "chris.jones",
                  "scopes",
                  List.of("MESSAGING"),
                  "expiresAt",
                  "2028-06-30T00:00:00Z",
                  "reason",
                  "A minor: Chris Jones is the legal guardian")),
          Map.entry("POST /admin/teams", Map.of("code", "cardiology", "name", "Cardiology")),
          Map.entry(
              "POST /admin/teams/{code}/members",
              Map.of("username", "dr.chen", "role", "CLINICIAN")),
          Map.entry(
              "POST /me/away",
              Map.of(
                  "from",
                  "2026-12-21",
                  "to",
                  "2026-12-31",
                  "kind",
                  "VACATION",
                  "cover",
                  "dr.chen")),
          Map.entry(
              "POST /me/templates",
              Map.of(
                  "title",
                  "Results pending",
                  "text",
                  "Your results are not in yet; we will write as soon as they are.",
                  "pool",
                  "breast-oncology")),
          Map.entry(
              "POST /requests",
              new Named(
                  Map.of(
                      "APPOINTMENT",
                      Map.of(
                          "type",
                          "APPOINTMENT",
                          "preferredDays",
                          "Monday or Tuesday",
                          "preferredTimes",
                          "Mornings",
                          "reason",
                          "Follow-up after my scan",
                          "location",
                          "Main campus"),
                      "PRESCRIPTION_RENEWAL",
                      Map.of(
                          "type",
                          "PRESCRIPTION_RENEWAL",
                          "medication",
                          "Tamoxifen",
                          "dose",
                          "20 mg daily",
                          "pharmacy",
                          "Main Street Pharmacy"),
                      "REFERRAL",
                      Map.of(
                          "type",
                          "REFERRAL",
                          "specialty",
                          "Cardiology",
                          "reason",
                          "Heart check before treatment",
                          "insurer",
                          "Acme Health")))),
          Map.entry(
              "POST /requests/{id}/status",
              Map.of("status", "IN_REVIEW", "note", "We are looking at your request.")));

  /**
   * The calls that take no body (an empty POST), with what to say about it in place of an example.
   */
  static final Map<String, String> NO_BODY =
      Map.of(
          "POST /threads/{id}/claim",
          "No body: the caller takes the thread (204).",
          "POST /threads/{id}/release",
          "No body: the caller (or the team's lead) lets the thread go (204).",
          "POST /records/signing-keys/rotation",
          "No body: a new key signs new entries from now on.");

  /** Examples of successful answers, by "METHOD path" (the path below /api/v1). */
  static final Map<String, Object> RESPONSE_EXAMPLES =
      Map.of(
          "GET /records/signing-keys",
          Map.of("keys", List.of(SIGNING_KEY), "current", "ed25519:3f5a0c9e1b2d4f68"),
          "POST /records/signing-keys/rotation",
          Map.of("keys", List.of(SIGNING_KEY), "current", "ed25519:3f5a0c9e1b2d4f68"),
          "POST /threads/{id}/filing",
          Map.of("recordEntryId", 8),
          "GET /me",
          Map.of("username", "pat.jones", "roles", List.of("patient")),
          "POST /threads",
          Map.of("id", 42, "coveredBy", "dr.chen", "coveredByName", "Wei Chen"),
          "GET /audit/verify",
          Map.of(
              "valid",
              true,
              "entriesChecked",
              1200,
              "checkpointsChecked",
              2,
              "keyId",
              "audit-ed25519-1"));

  /** The public enrollment call's answer to too many refused attempts (it has no 401 or 403). */
  static final ProblemResponse TOO_MANY =
      problem(
          "429",
          "TooManyRequests",
          "Too many refused attempts from this client address or for this email lately; the"
              + " Retry-After header says how many seconds to wait.",
          "rate-limited",
          "Too Many Requests",
          "Too many attempts. Please wait and try again later.",
          null);

  /** The calls anyone may make, without a bearer token. */
  static final java.util.Set<String> PUBLIC = java.util.Set.of("POST /enrollment");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    openAPI.info(
        OASFactory.createInfo()
            .title("Patient Portal API")
            .version("v1")
            .description(
                "Secure messaging, the access log and key administration of the patient portal."
                    + " Every call needs a bearer token: an access token from the portal's Keycloak"
                    + " realm (e.g. POST {keycloak}/realms/portal/protocol/openid-connect/token)."
                    + " Every error is an RFC 9457 problem (application/problem+json) that names"
                    + " the field at fault where there is one. Lists are paged by keyset"
                    + " (before=<cursor>&size=)."));
    // WildFly's host-level document always has a license and external documentation, copied from
    // the deployments' models: without values here both would be empty objects, which is not valid
    // OpenAPI (name and url are required).
    openAPI.getInfo().license(OASFactory.createLicense().name(LICENSE).identifier(LICENSE_ID));
    openAPI.externalDocs(
        OASFactory.createExternalDocumentation()
            .url("/portal/")
            .description("The patient portal; its README describes the API, its users and roles."));
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.components(components);
    }
    components.addSecurityScheme(
        BEARER,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description("An access token from the portal's Keycloak realm \"portal\"."));
    openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
    components.addSchema(PROBLEM, problemSchema());
    for (ProblemResponse p : PROBLEMS) {
      components.addResponse(
          p.name(),
          OASFactory.createAPIResponse()
              .description(p.description())
              .content(problemContent(p.example())));
    }
    if (openAPI.getPaths() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach((method, operation) -> complete(method, path, operation)));
  }

  /** Adds the problem answers, the bearer requirement and the examples to one operation. */
  private static void complete(PathItem.HttpMethod method, String path, Operation operation) {
    if (operation.getResponses() == null) {
      operation.responses(OASFactory.createAPIResponses());
    }
    // every error is a problem (the one exception mapper): these replace any the scan guessed
    for (ProblemResponse p : PROBLEMS) {
      operation
          .getResponses()
          .addAPIResponse(
              p.status(), OASFactory.createAPIResponse().ref("#/components/responses/" + p.name()));
    }
    int api = path.indexOf(ApiApplication.PATH);
    String key =
        method.name() + " " + (api < 0 ? path : path.substring(api + ApiApplication.PATH.length()));
    if (PUBLIC.contains(key)) {
      operation.security(List.of());
      operation
          .getResponses()
          .addAPIResponse(
              TOO_MANY.status(),
              OASFactory.createAPIResponse()
                  .description(TOO_MANY.description())
                  .content(problemContent(TOO_MANY.example())));
    }
    Object request = REQUEST_EXAMPLES.get(key);
    if (request != null && operation.getRequestBody() != null) {
      example(operation.getRequestBody().getContent(), request);
    }
    String noBody = NO_BODY.get(key);
    if (noBody != null) {
      operation.description(
          operation.getDescription() == null
              ? noBody
              : operation.getDescription() + "\n\n" + noBody);
    }
    Object response = RESPONSE_EXAMPLES.get(key);
    if (response != null) {
      operation.getResponses().getAPIResponses().values().stream()
          .filter(r -> r.getRef() == null)
          .findFirst()
          .ifPresent(r -> example(r.getContent(), response));
    }
  }

  private static void example(Content content, Object example) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    // the examples are JSON: not for a call's other media types (text/plain, FHIR, ...)
    content.getMediaTypes().entrySet().stream()
        .filter(m -> m.getKey().equals(jakarta.ws.rs.core.MediaType.APPLICATION_JSON))
        .map(Map.Entry::getValue)
        .forEach(
            m -> {
              if (example instanceof Named named) {
                // one example each, by name; OpenAPI has either "example" or "examples"
                new java.util.TreeMap<>(named.examples())
                    .forEach(
                        (name, value) ->
                            m.addExample(
                                name, OASFactory.createExample().summary(name).value(value)));
              } else {
                m.example(example);
              }
            });
  }

  private static Content problemContent(Map<String, Object> example) {
    MediaType media =
        OASFactory.createMediaType()
            .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))
            .example(example);
    return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .addType(SchemaType.OBJECT)
        .description("An RFC 9457 problem detail.")
        .addProperty(
            "type", string("A relative URI naming the kind of problem").format("uri-reference"))
        .addProperty("title", string("The HTTP status's reason phrase"))
        .addProperty(
            "status",
            OASFactory.createSchema().addType(SchemaType.INTEGER).description("The HTTP status"))
        .addProperty("detail", string("What went wrong, for people"))
        .addProperty("instance", string("The path of the request").format("uri-reference"))
        .addProperty("field", string("The input field at fault, where there is one"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(SchemaType.ARRAY)
                .description("Every input field at fault (400), the one field names first")
                .items(
                    OASFactory.createSchema()
                        .addType(SchemaType.OBJECT)
                        .addProperty("field", string("The input field"))
                        .addProperty("detail", string("What is wrong with it"))))
        .required(List.of("type", "title", "status"));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
  }

  private static ProblemResponse problem(
      String status,
      String name,
      String description,
      String type,
      String title,
      String detail,
      String field) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", "/portal/problems/" + type);
    example.put("title", title);
    example.put("status", Integer.valueOf(status));
    example.put("detail", detail);
    example.put("instance", "/portal/api/v1/audit");
    if (field != null) {
      example.put("field", field);
    }
    return new ProblemResponse(status, name, description, example);
  }
}

package org.patientportal.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Portal;

/**
 * The OpenAPI document of the REST API at /openapi: valid OpenAPI 3 by an independent parser
 * (swagger-parser), with the bearer scheme, a problem answer for every error status on every call,
 * examples, and every resource method of portal-web's JAX-RS classes in it.
 */
class OpenApiIT {

  static final String DOCUMENT =
      URI.create(Portal.URL).resolve("/openapi").toString() + "?format=JSON";
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");
  static final List<String> PROBLEM_STATUSES = List.of("400", "401", "403", "404", "500");

  static String json;
  static OpenAPI api;

  @BeforeAll
  static void readTheDocument() {
    HttpResponse<String> response =
        Portal.send(
            HttpRequest.newBuilder(URI.create(DOCUMENT))
                .header("Accept", "application/json")
                .GET()
                .build());
    assertEquals(200, response.statusCode(), response.body());
    json = response.body();
    try {
      // kept for reading when the test fails
      Files.writeString(
          Path.of(System.getProperty("basedir", ".")).resolve("target/openapi.json"), json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
    assertTrue(
        result.getMessages() == null || result.getMessages().isEmpty(),
        "swagger-parser finds the document valid: " + result.getMessages());
    api = result.getOpenAPI();
    assertNotNull(api, "a document was read");
  }

  @Test
  void itIsOpenApi3WithTheBearerSchemeRequiredEverywhere() {
    assertTrue(api.getOpenapi().startsWith("3."), api.getOpenapi());
    SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearer");
    assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
    assertEquals("bearer", bearer.getScheme());
    assertTrue(api.getSecurity().stream().anyMatch(r -> r.containsKey("bearer")));
    assertFalse(api.getInfo().getTitle().isBlank());
  }

  @Test
  void everyCallDocumentsEveryProblemAsProblemJsonWithAnExample() {
    Map<String, ApiResponse> shared = api.getComponents().getResponses();
    operations()
        .forEach(
            (name, operation) -> {
              for (String status : PROBLEM_STATUSES) {
                ApiResponse response = operation.getResponses().get(status);
                assertNotNull(response, name + " documents " + status);
                if (response.get$ref() != null) {
                  response =
                      shared.get(
                          response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
                }
                var media = response.getContent().get("application/problem+json");
                assertNotNull(media, name + " " + status + " is a problem");
                assertNotNull(media.getExample(), name + " " + status + " has an example");
                assertTrue(media.getSchema().get$ref().endsWith("/Problem"), name);
              }
            });
  }

  @Test
  void theMainCallsHaveExamplesForAClientAuthor() {
    Operation start = operation("POST", "/threads");
    assertNotNull(
        start.getRequestBody().getContent().get("application/json").getExample(),
        "an example of a new thread");
    Operation reply = operation("POST", "/threads/{id}/messages");
    assertNotNull(reply.getRequestBody().getContent().get("application/json").getExample());
    // the thread list documents its paging: the parameters and the next page's Link header
    Operation list = operation("GET", "/threads");
    Set<String> parameters = new TreeSet<>();
    list.getParameters().forEach(p -> parameters.add(p.getName()));
    assertTrue(
        parameters.containsAll(Set.of("before", "size", "q", "status")), parameters.toString());
    assertNotNull(list.getResponses().get("200").getHeaders().get("Link"), "the next page's link");
  }

  /**
   * The care-team calls of issue 10 have examples of their bodies: one each, or several by name
   * where a call takes several shapes (each request type; filing all, some or an amendment); the
   * calls without a body say so; the record signing keys have an example answer.
   */
  @Test
  void theCareTeamCallsHaveRequestExamples() {
    for (String path :
        List.of(
            "/threads/{id}/assignment",
            "/threads/{id}/forward",
            "/requests/{id}/status",
            "/me/away",
            "/me/templates")) {
      var media = operation("POST", path).getRequestBody().getContent().get("application/json");
      assertNotNull(media.getExample(), "an example of POST " + path);
    }
    assertEquals("dr.chen", tree(exampleOf("POST", "/threads/{id}/forward")).path("to").asText());
    assertTrue(tree(exampleOf("POST", "/threads/{id}/forward")).has("note"));
    assertTrue(tree(exampleOf("POST", "/threads/{id}/assignment")).has("to"));

    var requests =
        operation("POST", "/requests").getRequestBody().getContent().get("application/json");
    assertEquals(
        Set.of("APPOINTMENT", "PRESCRIPTION_RENEWAL", "REFERRAL"),
        requests.getExamples().keySet(),
        "an example of each request type");
    requests
        .getExamples()
        .forEach(
            (type, example) ->
                assertEquals(type, tree(example.getValue()).path("type").asText(), type));
    var filing =
        operation("POST", "/threads/{id}/filing")
            .getRequestBody()
            .getContent()
            .get("application/json");
    assertEquals(3, filing.getExamples().size(), filing.getExamples().keySet().toString());
    assertTrue(
        filing.getExamples().values().stream().anyMatch(e -> tree(e.getValue()).has("messageIds")));
    assertTrue(
        filing.getExamples().values().stream().anyMatch(e -> tree(e.getValue()).has("reason")));

    for (String path : List.of("/threads/{id}/claim", "/threads/{id}/release")) {
      String description = operation("POST", path).getDescription();
      assertTrue(description != null && description.contains("No body"), path);
    }
    Operation keys = operation("GET", "/records/signing-keys");
    Object answer =
        keys.getResponses().get("200").getContent().get("application/json").getExample();
    assertNotNull(answer, "an example of the key export");
    assertTrue(tree(answer).has("keys"), answer.toString());
    assertNotNull(operation("POST", "/records/signing-keys/rotation"));
  }

  /** An example as the parser read it (a JSON node or a map), as a JSON tree. */
  private static com.fasterxml.jackson.databind.JsonNode tree(Object example) {
    return Portal.JSON.valueToTree(example);
  }

  private static Object exampleOf(String method, String path) {
    return operation(method, path)
        .getRequestBody()
        .getContent()
        .get("application/json")
        .getExample();
  }

  /** Every resource method of portal-web's JAX-RS classes is in the document, and nothing else. */
  @Test
  void everyResourceMethodAppears() {
    Set<String> resources = new TreeSet<>();
    Path classes =
        Path.of(System.getProperty("basedir", "."))
            .resolve("../portal-web/target/classes")
            .normalize();
    assertTrue(Files.isDirectory(classes), classes.toString());
    String application = null;
    for (JavaClass type : new ClassFileImporter().importPath(classes)) {
      if (type.isAnnotatedWith("jakarta.ws.rs.ApplicationPath")) {
        application =
            (String) type.getAnnotationOfType("jakarta.ws.rs.ApplicationPath").get("value").get();
      }
    }
    assertNotNull(application);
    for (JavaClass type : new ClassFileImporter().importPath(classes)) {
      if (!type.isAnnotatedWith("jakarta.ws.rs.Path")) {
        continue;
      }
      String base = (String) type.getAnnotationOfType("jakarta.ws.rs.Path").get("value").get();
      for (JavaMethod method : type.getMethods()) {
        for (String verb : METHODS) {
          if (method.isAnnotatedWith("jakarta.ws.rs." + verb)) {
            String sub =
                method.isAnnotatedWith("jakarta.ws.rs.Path")
                    ? (String) method.getAnnotationOfType("jakarta.ws.rs.Path").get("value").get()
                    : "";
            resources.add(verb + " " + template(base + "/" + sub));
          }
        }
      }
    }
    assertTrue(resources.size() > 15, resources.toString());
    assertEquals(resources, operations().keySet(), "the document has every resource method");
  }

  /** The document's operations as "METHOD path below the API's root". */
  static Map<String, Operation> operations() {
    Map<String, Operation> operations = new java.util.TreeMap<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            operations.put(method.name() + " " + below(path), operation)));
    return operations;
  }

  static Operation operation(String method, String path) {
    Operation operation = operations().get(method + " " + path);
    assertNotNull(operation, method + " " + path + " in " + operations().keySet());
    return operation;
  }

  /** A path as the document names it, below /api/v1 (the document may include the context). */
  static String below(String path) {
    int api = path.indexOf("/api/v1");
    return template(api < 0 ? path : path.substring(api + "/api/v1".length()));
  }

  /** A JAX-RS path template normalised: one slash between parts, no regular expressions. */
  static String template(String path) {
    String clean = ("/" + path).replaceAll("\\{\\s*([^:}\\s]+)\\s*(:[^}]*)?}", "{$1}");
    clean = clean.replaceAll("/+", "/");
    return clean.length() > 1 && clean.endsWith("/")
        ? clean.substring(0, clean.length() - 1)
        : clean;
  }
}

package org.patientportal.bench.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientportal.bench.Tokens;

/**
 * The portal's load benchmark (issue 9): an open model, each scenario offered constant arrival
 * rates stepped up ({@code bench.rates}, each held {@code bench.step-seconds}), one request per
 * virtual user over a connection of its own (HTTP/1.1: Gatling's default, HTTP/2 is never enabled
 * here, and connections are not shared), so the server sees real clients rather than streams
 * multiplexed over one connection.
 *
 * <p>Scenarios ({@code bench.scenarios}, run one after the other, or all at once with {@code
 * bench.parallel=true}): {@code me} (calibration: bearer auth and a little JSON), {@code health}
 * (calibration without auth), {@code send} (a patient's new thread to their clinician, with an
 * Idempotency-Key), {@code reply} (a patient's reply in one of their threads), {@code open} (a
 * clinician opens a thread of their pool: an audited read), {@code inbox} (a patient's first page,
 * {@code ?size=25}), {@code queue} (a clinician's list), {@code audit} (the auditor's search for a
 * patient, 50 entries).
 *
 * <p>The users and their threads come from the generator's sample file ({@code bench.sample});
 * their tokens are fetched once and cached ({@link Tokens}). Every response is recorded by {@link
 * Recorder} per scenario and step, with the server's CPU time from {@code /proc/<pid>/stat}; the
 * results go to {@code bench.results} (JSON) for {@code report.py}.
 */
public class LoadSimulation extends Simulation {

  static final String PORTAL = prop("portal.url", "http://localhost:8080/portal");
  static final String KEYCLOAK = prop("keycloak.url", "http://localhost:8180");
  static final String PASSWORD = prop("bench.password", "Demo-pass-2026");
  static final double[] RATES =
      java.util.Arrays.stream(prop("bench.rates", "10,20,40").split(","))
          .mapToDouble(Double::parseDouble)
          .toArray();
  static final int STEP_SECONDS = Integer.parseInt(prop("bench.step-seconds", "20"));
  static final List<String> SCENARIOS =
      List.of(prop("bench.scenarios", "me,send,reply,open,inbox,queue,audit").split(","));
  static final boolean PARALLEL = Boolean.parseBoolean(prop("bench.parallel", "false"));
  static final Path SAMPLE = Path.of(prop("bench.sample", "target/bench/sample.tsv"));
  static final Path TOKEN_CACHE = Path.of(prop("bench.tokens", "target/bench/tokens.tsv"));
  static final Path RESULTS = Path.of(prop("bench.results", "target/bench/results.json"));
  static final String LABEL = prop("bench.label", "stepped");
  static final String BODY = "x".repeat(Integer.parseInt(prop("bench.body-chars", "600")));

  private static String prop(String name, String fallback) {
    return System.getProperty(name, fallback);
  }

  /** A sample user: a patient with their clinician, or a clinician; each with thread ids. */
  record User(String kind, String username, String peer, long[] threads, String token) {
    long randomThread() {
      return threads[ThreadLocalRandom.current().nextInt(threads.length)];
    }
  }

  private final List<User> patients = new ArrayList<>();
  private final List<User> clinicians = new ArrayList<>();
  private User auditor;
  private final Recorder recorder;

  {
    try {
      load();
    } catch (Exception e) {
      throw new IllegalStateException("Could not prepare the benchmark: " + e, e);
    }
    recorder = new Recorder(SCENARIOS, RATES, STEP_SECONDS, Recorder.wildflyPid());
    recorder.shared(PARALLEL);

    HttpProtocolBuilder protocol =
        http.baseUrl(PORTAL)
            .acceptHeader("application/json")
            .userAgentHeader("portal-bench gatling")
            .disableCaching()
            .disableFollowRedirect();
    // HTTP/1.1 only: enableHttp2() is never called, and shareConnections() neither.

    List<PopulationBuilder> populations = new ArrayList<>();
    for (String name : SCENARIOS) {
      populations.add(scenario(name).injectOpen(profile()).protocols(protocol));
    }
    if (PARALLEL) {
      setUp(populations);
    } else {
      for (int i = populations.size() - 1; i > 0; i--) {
        // andThen: a scenario starts when the previous one's users have all finished
        populations.set(i - 1, populations.get(i - 1).andThen(populations.get(i)));
      }
      setUp(populations.get(0));
    }
  }

  private static List<OpenInjectionStep> profile() {
    List<OpenInjectionStep> steps = new ArrayList<>();
    for (double rate : RATES) {
      steps.add(constantUsersPerSec(rate).during(Duration.ofSeconds(STEP_SECONDS)));
    }
    return steps;
  }

  @Override
  public void before() {
    recorder.startSampling();
  }

  @Override
  public void after() {
    recorder.stopSampling();
    try {
      recorder.write(RESULTS, LABEL, PORTAL);
      System.out.println(recorder.summary());
      System.out.println("results: " + RESULTS.toAbsolutePath());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the scenarios

  private ScenarioBuilder scenario(String name) {
    ChainBuilder request =
        switch (name) {
          case "me" ->
              exec(
                  http(name)
                      .get("/api/v1/me")
                      .header("Authorization", "Bearer #{token}")
                      .check(checks(200)));
          case "health" -> exec(http(name).get("/health/ready").check(checks(200)));
          case "send" ->
              exec(
                  http(name)
                      .post("/api/v1/threads")
                      .header("Authorization", "Bearer #{token}")
                      .header("Idempotency-Key", "#{idempotencyKey}")
                      .body(
                          StringBody(
                              "{\"to\":\"#{peer}\",\"category\":\"APPOINTMENT\",\"subject\":\"Cita de"
                                  + " control #{idempotencyKey}\",\"body\":\""
                                  + BODY
                                  + "\",\"readReceipt\":true}"))
                      .asJson()
                      .check(checks(201)));
          case "reply" ->
              exec(
                  http(name)
                      .post("/api/v1/threads/#{thread}/messages")
                      .header("Authorization", "Bearer #{token}")
                      .header("Idempotency-Key", "#{idempotencyKey}")
                      .body(StringBody("{\"body\":\"Gracias, doctora. " + BODY + "\"}"))
                      .asJson()
                      .check(checks(201)));
          case "open", "inbox", "queue" ->
              exec(
                  http(name)
                      .get(
                          name.equals("open")
                              ? "/api/v1/threads/#{thread}"
                              : name.equals("inbox")
                                  ? "/api/v1/threads?size=25"
                                  : "/api/v1/threads")
                      .header("Authorization", "Bearer #{token}")
                      .check(checks(200)));
          case "audit" ->
              exec(
                  http(name)
                      .get("/api/v1/audit?patient=#{patient}&size=50")
                      .header("Authorization", "Bearer #{token}")
                      .check(checks(200)));
          default -> throw new IllegalArgumentException("no scenario " + name);
        };
    return io.gatling.javaapi.core.CoreDsl.scenario(name)
        .feed(feeder(name))
        .exec(session -> session.set("startedAt", System.currentTimeMillis()))
        .exec(request)
        .exec(session -> record(name, session));
  }

  /** Saves status and time; a status other than {@code expected} fails in Gatling's report too. */
  private static io.gatling.javaapi.core.CheckBuilder[] checks(int expected) {
    return new io.gatling.javaapi.core.CheckBuilder[] {
      status().saveAs("status"), responseTimeInMillis().saveAs("rt"), status().is(expected)
    };
  }

  private Session record(String name, Session session) {
    long started = session.getLong("startedAt");
    int status = session.contains("status") ? session.getInt("status") : 0;
    long rt = session.contains("rt") ? session.getInt("rt") : System.currentTimeMillis() - started;
    int expected = name.equals("send") || name.equals("reply") ? 201 : 200;
    recorder.record(name, started, System.currentTimeMillis(), rt, status == expected, status);
    return session;
  }

  private Iterator<Map<String, Object>> feeder(String name) {
    Supplier<Map<String, Object>> next =
        switch (name) {
          case "me", "send", "reply", "inbox" ->
              () -> {
                User p = pick(patients);
                Map<String, Object> m = new HashMap<>();
                m.put("token", p.token());
                m.put("peer", p.peer());
                m.put("thread", p.randomThread());
                m.put("idempotencyKey", UUID.randomUUID().toString());
                return m;
              };
          case "open", "queue" ->
              () -> {
                User c = pick(clinicians);
                return Map.of("token", c.token(), "thread", c.randomThread());
              };
          case "audit" ->
              () -> Map.of("token", auditor.token(), "patient", pick(patients).username());
          default -> () -> Map.of();
        };
    return java.util.stream.Stream.generate(next).iterator();
  }

  private static User pick(List<User> users) {
    return users.get(ThreadLocalRandom.current().nextInt(users.size()));
  }

  // --- preparation: the sample, tokens, the guidelines accepted

  private void load() throws Exception {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        rows.add(line.split("\t"));
      }
    }
    List<String> names = rows.stream().map(r -> r[1]).toList();
    Duration runTime =
        Duration.ofSeconds(
            (long) STEP_SECONDS * RATES.length * (PARALLEL ? 1 : SCENARIOS.size()) + 600);
    Map<String, String> tokens = new Tokens(KEYCLOAK, PASSWORD, TOKEN_CACHE).all(names, runTime, 2);
    for (String[] r : rows) {
      long[] threads =
          r.length > 3 && !r[3].equals("-")
              ? java.util.Arrays.stream(r[3].split(",")).mapToLong(Long::parseLong).toArray()
              : new long[0];
      User u = new User(r[0], r[1], r[2], threads, tokens.get(r[1]));
      switch (r[0]) {
        case "patient" -> patients.add(u);
        case "clinician" -> clinicians.add(u);
        case "auditor" -> auditor = u;
        default -> throw new IllegalArgumentException("unknown kind " + r[0]);
      }
    }
    patients.removeIf(p -> p.threads().length == 0 && SCENARIOS.contains("reply"));
    clinicians.removeIf(c -> c.threads().length == 0 && SCENARIOS.contains("open"));
    if (patients.isEmpty() || clinicians.isEmpty() || auditor == null) {
      throw new IllegalStateException(
          "the sample needs patients and clinicians with threads, and an auditor");
    }
    acceptGuidelines();
  }

  /** A first message needs the guidelines accepted: each sample patient accepts them once. */
  private void acceptGuidelines() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String text =
        client
            .send(
                HttpRequest.newBuilder(URI.create(PORTAL + "/api/v1/messaging/guidelines"))
                    .header("Authorization", "Bearer " + patients.get(0).token())
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher sha = Pattern.compile("\"sha256\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(text);
    if (!sha.find()) {
      throw new IllegalStateException("no guidelines: " + text);
    }
    String body = "{\"sha256\":\"" + sha.group(1) + "\",\"language\":\"es\"}";
    int ok = 0;
    for (User p : patients) {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(PORTAL + "/api/v1/messaging/guidelines/acceptance"))
                  .header("Authorization", "Bearer " + p.token())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 == 2) {
        ok++;
      }
    }
    System.out.printf(
        Locale.ROOT, "guidelines accepted by %d of %d sample patients%n", ok, patients.size());
  }
}

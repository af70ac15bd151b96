package org.patientportal.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Superseded by the Gatling load benchmark ({@code portal-bench/run-bench.sh}): Java's HttpClient
 * negotiates HTTP/2 (h2c) and multiplexes all clients over one connection, so this measured HTTP/2
 * flow control more than the server. Kept for the figures recorded with it.
 *
 * <p>Load on the running portal's messaging API (run it against {@code ./run.sh}): {@code
 * concurrency} clients send new threads as pat.jones to dr.smith for {@code seconds}, then as many
 * open random threads of those as dr.smith (each open an audited read of every message). It prints
 * throughput and latency percentiles. The client shares the machine with the server, Keycloak and
 * the database, so the figures are a floor for the server, not its limit.
 *
 * <pre>
 * java -Dbench.totp=$(oathtool --totp -b DR_SMITHS_KEY) -cp portal-bench/target/benchmarks.jar \
 *   org.patientportal.bench.MessagingLoad [seconds] [concurrency]
 * </pre>
 *
 * <p>dr.smith signs in with a code of the demo's authenticator app ({@code bench.totp}; the key is
 * in the README, two-step sign-in).
 */
public final class MessagingLoad {

  private static final String PORTAL =
      System.getProperty("portal.url", "http://localhost:8080/portal") + "/api/v1";
  private static final String TOKEN_URL =
      System.getProperty("keycloak.url", "http://localhost:8180")
          + "/realms/portal/protocol/openid-connect/token";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SHA = Pattern.compile("\"sha256\"\\s*:\\s*\"([0-9a-f]+)\"");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private MessagingLoad() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    String patient = token("pat.jones");
    String clinician = token("dr.smith");
    String guidelines = send(get("/messaging/guidelines", patient)).body();
    Matcher sha = SHA.matcher(guidelines);
    if (!sha.find()) {
      throw new IllegalStateException("no guidelines: " + guidelines);
    }
    send(
        post(
            "/messaging/guidelines/acceptance",
            patient,
            "{\"sha256\":\"" + sha.group(1) + "\",\"language\":\"en\"}"));

    List<Long> threads = new CopyOnWriteArrayList<>();
    String body = "x".repeat(600);
    Runnable sendOne =
        () -> {
          String json =
              "{\"to\":\"dr.smith\",\"category\":\"APPOINTMENT\",\"subject\":\"Load test "
                  + ThreadLocalRandom.current().nextInt()
                  + "\",\"body\":\""
                  + body
                  + "\",\"readReceipt\":true}";
          HttpResponse<String> r = send(post("/threads", patient, json));
          if (r.statusCode() != 201) {
            throw new IllegalStateException("send: " + r.statusCode() + " " + r.body());
          }
          Matcher m = ID.matcher(r.body());
          m.find();
          threads.add(Long.parseLong(m.group(1)));
        };
    Runnable openOne =
        () -> {
          long id = threads.get(ThreadLocalRandom.current().nextInt(threads.size()));
          HttpResponse<String> r = send(get("/threads/" + id, clinician));
          if (r.statusCode() != 200) {
            throw new IllegalStateException("open: " + r.statusCode() + " " + r.body());
          }
        };

    run("warm-up sends", 5, concurrency, sendOne);
    run("warm-up opens", 5, concurrency, openOne);
    run("sends (POST /threads, 600-character body, read receipt)", seconds, concurrency, sendOne);
    run("opens (GET /threads/{id} by the clinician)", seconds, concurrency, openOne);
  }

  private static void run(String name, int seconds, int concurrency, Runnable work)
      throws InterruptedException {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  try {
                    work.run();
                    latencies.add(System.nanoTime() - start);
                  } catch (RuntimeException e) {
                    if (errors.incrementAndGet() < 5) {
                      System.err.println(e.getMessage());
                    }
                  }
                }
              });
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      t.join();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "%s: %d clients, %d s: %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
        name,
        concurrency,
        seconds,
        sorted.size() / (double) seconds,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        percentile(sorted, 1.0),
        errors.get());
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  private static String token(String username) {
    String form =
        "grant_type=password&client_id=portal-cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password=Demo-pass-2026"
            + (username.equals("dr.smith") && System.getProperty("bench.totp") != null
                ? "&totp=" + System.getProperty("bench.totp")
                : "");
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    Matcher m = TOKEN.matcher(r.body());
    if (!m.find()) {
      throw new IllegalStateException("no token for " + username + ": " + r.body());
    }
    return m.group(1);
  }

  private static HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(URI.create(PORTAL + path))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  private static HttpRequest post(String path, String token, String json) {
    return HttpRequest.newBuilder(URI.create(PORTAL + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

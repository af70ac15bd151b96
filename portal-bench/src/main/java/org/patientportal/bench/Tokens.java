package org.patientportal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bearer tokens for the load benchmark's virtual users, by the demo realm's password grant on the
 * public {@code portal-cli} client. Keycloak answers about 15 password grants a second per core, so
 * the tokens are fetched once, before a run, and kept in a file (username, expiry, token; tab
 * separated): a later run reuses every token that still has {@code minValidity} to live and asks
 * only for the others. The file holds live credentials of the benchmark's own users; it stays under
 * {@code target/}.
 */
public final class Tokens {

  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

  private final String tokenUrl;
  private final String password;
  private final Path cache;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, String[]> tokens = new ConcurrentHashMap<>();

  public Tokens(String keycloakUrl, String password, Path cache) {
    this.tokenUrl = keycloakUrl + "/realms/portal/protocol/openid-connect/token";
    this.password = password;
    this.cache = cache;
    if (Files.exists(cache)) {
      try {
        for (String line : Files.readAllLines(cache)) {
          String[] f = line.split("\t");
          if (f.length == 3) {
            tokens.put(f[0], new String[] {f[1], f[2]});
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Tokens for all {@code usernames} valid for at least {@code minValidity}, fetched with {@code
   * parallel} requests where the cache has none; the cache file is written afterwards.
   */
  public Map<String, String> all(Collection<String> usernames, Duration minValidity, int parallel)
      throws Exception {
    long needed = System.currentTimeMillis() / 1000 + minValidity.toSeconds();
    List<String> missing = new ArrayList<>();
    for (String u : usernames) {
      String[] t = tokens.get(u);
      if (t == null || Long.parseLong(t[0]) < needed) {
        missing.add(u);
      }
    }
    if (!missing.isEmpty()) {
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(parallel);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (String u : missing) {
          done.add(pool.submit(() -> fetch(u)));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      System.out.printf(
          "tokens: %d fetched from Keycloak in %.1f s, %d from the cache%n",
          missing.size(), (System.nanoTime() - start) / 1e9, usernames.size() - missing.size());
      StringBuilder out = new StringBuilder();
      tokens.forEach(
          (u, t) -> out.append(u).append('\t').append(t[0]).append('\t').append(t[1]).append('\n'));
      Files.createDirectories(cache.toAbsolutePath().getParent());
      Files.writeString(cache, out);
    }
    long shortest = Long.MAX_VALUE;
    Map<String, String> result = new java.util.HashMap<>();
    for (String u : usernames) {
      String[] t = tokens.get(u);
      shortest = Math.min(shortest, Long.parseLong(t[0]));
      result.put(u, t[1]);
    }
    if (shortest < needed) {
      System.out.println(
          "tokens: some expire within the run (the realm's access token lifespan is shorter than"
              + " "
              + minValidity
              + "); run-bench.sh raises it for the benchmark realm");
    }
    return result;
  }

  private Void fetch(String username) throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=portal-cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException(
          "no token for " + username + ": " + r.statusCode() + " " + r.body());
    }
    String token = m.group(1);
    tokens.put(username, new String[] {Long.toString(expiry(token)), token});
    return null;
  }

  /** The {@code exp} claim of a JWT (seconds since the epoch). */
  static long expiry(String jwt) {
    String payload =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    Matcher m = EXP.matcher(payload);
    if (!m.find()) {
      throw new IllegalStateException("a token without exp");
    }
    return Long.parseLong(m.group(1));
  }
}

package org.patientportal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Fetches (or finds in the cache) the tokens of every user in the benchmark's sample before the
 * portal starts, so that the first minute after a start measures the portal and not Keycloak.
 *
 * <pre>
 * java -Dbench.tokens=target/bench/tokens.tsv -cp ... org.patientportal.bench.FetchTokens sample.tsv [keycloak url]
 * </pre>
 */
public final class FetchTokens {

  private FetchTokens() {}

  public static void main(String[] args) throws Exception {
    List<String> names =
        Files.readAllLines(Path.of(args[0])).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .map(l -> l.split("\t")[1])
            .toList();
    String keycloak = args.length > 1 ? args[1] : "http://localhost:8180";
    Path cache = Path.of(System.getProperty("bench.tokens", "target/bench/tokens.tsv"));
    new Tokens(keycloak, System.getProperty("bench.password", "Demo-pass-2026"), cache)
        .all(names, Duration.ofHours(1), 2);
  }
}

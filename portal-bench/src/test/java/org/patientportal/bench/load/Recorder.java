package org.patientportal.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What each scenario's requests did, per step of offered rate: a request belongs to the step in
 * which its virtual user started (the scenario's first user starts the clock); achieved throughput
 * counts the successful responses that ended within the step's window. Beside it, a sampler reads
 * WildFly's CPU time (utime + stime of {@code /proc/<pid>/stat}, in clock ticks of 10 ms) every 250
 * ms, so each step's window gets the server's CPU seconds, and per operation. The same sampler
 * reads where the machine's cores went in each step, as percent of one core: all of them busy
 * ({@code /proc/stat}), WildFly, PostgreSQL (every {@code postgres} process), the load tool itself
 * (this JVM) and Keycloak; what bounds a step that misses its target shows there.
 */
final class Recorder {

  private static final double TICK = 0.01; // USER_HZ is 100 on Linux

  private final List<String> scenarios;
  private final double[] rates;
  private final long stepMillis;
  private final long pid;
  private final Map<String, Long> starts = new ConcurrentHashMap<>();
  private final Map<String, Step[]> steps = new ConcurrentHashMap<>();
  // {millis, WildFly, machine busy, PostgreSQL, load tool, Keycloak} (ticks; -1: unknown)
  private final List<long[]> cpuSamples = new CopyOnWriteArrayList<>();

  /** The columns of a sample after its time. */
  static final int WILDFLY = 1;

  static final int MACHINE = 2;
  static final int POSTGRES = 3;
  static final int LOAD_TOOL = 4;
  static final int KEYCLOAK = 5;

  private static final String[] WHO = {
    "", "wildfly", "machine", "postgres", "loadTool", "keycloak"
  };
  private volatile boolean sampling;
  private Thread sampler;

  Recorder(List<String> scenarios, double[] rates, int stepSeconds, long pid) {
    this.scenarios = scenarios;
    this.rates = rates;
    this.stepMillis = stepSeconds * 1000L;
    this.pid = pid;
    for (String s : scenarios) {
      Step[] a = new Step[rates.length];
      for (int i = 0; i < a.length; i++) {
        a[i] = new Step();
      }
      steps.put(s, a);
    }
  }

  static final class Step {
    final List<Long> latencies = new ArrayList<>(); // ms, successful requests
    long ok;
    long errors;
    long okEndedInWindow;
    final Map<Integer, Long> statuses = new TreeMap<>();
  }

  /** WildFly's pid: {@code bench.wildfly-pid}, else the process running jboss-modules.jar. */
  static long wildflyPid() {
    String given = System.getProperty("bench.wildfly-pid", "");
    if (!given.isBlank()) {
      return Long.parseLong(given.trim());
    }
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) dirs::iterator) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          try {
            String cmd =
                new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
            if (cmd.contains("jboss-modules.jar") && !cmd.contains("jboss-cli")) {
              return Long.parseLong(name);
            }
          } catch (IOException ignored) {
            // gone meanwhile
          }
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  long cpuTicks() {
    return pid < 0 ? -1 : processTicks(Path.of("/proc", Long.toString(pid)));
  }

  /** utime + stime of a process (fields 14 and 15 of its stat), -1 if it is gone. */
  private static long processTicks(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Busy ticks of all cores together: user, nice, system, irq, softirq, steal. */
  private static long machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      return Long.parseLong(f[1])
          + Long.parseLong(f[2])
          + Long.parseLong(f[3])
          + Long.parseLong(f[6])
          + Long.parseLong(f[7])
          + Long.parseLong(f[8]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private long keycloakPid = -2;

  /** One sample: the time and each column's ticks. */
  private long[] sample() {
    long postgres = 0;
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) dirs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String stat = Files.readString(p.resolve("stat"));
          if (stat.contains("(postgres)")) {
            postgres += Math.max(0, processTicks(p));
          } else if (keycloakPid == -2 && stat.contains("(java)")) {
            String cmd =
                new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
            if (cmd.contains("quarkus-run.jar") || cmd.contains("keycloak")) {
              keycloakPid = Long.parseLong(name);
            }
          }
        } catch (IOException ignored) {
          // gone meanwhile
        }
      }
    } catch (IOException e) {
      postgres = -1;
    }
    return new long[] {
      System.currentTimeMillis(),
      cpuTicks(),
      machineTicks(),
      postgres,
      processTicks(Path.of("/proc/self")),
      keycloakPid < 0 ? -1 : processTicks(Path.of("/proc", Long.toString(keycloakPid)))
    };
  }

  void startSampling() {
    sampling = true;
    sampler =
        new Thread(
            () -> {
              while (sampling) {
                cpuSamples.add(sample());
                try {
                  Thread.sleep(250);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "cpu-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  void stopSampling() {
    sampling = false;
    cpuSamples.add(sample());
  }

  void record(String scenario, long started, long ended, long rtMillis, boolean ok, int status) {
    long start = starts.computeIfAbsent(scenario, s -> started);
    int i = (int) Math.min(rates.length - 1, Math.max(0, (started - start) / stepMillis));
    Step step = steps.get(scenario)[i];
    long windowEnd = start + (i + 1) * stepMillis;
    synchronized (step) {
      step.statuses.merge(status, 1L, Long::sum);
      if (ok) {
        step.ok++;
        step.latencies.add(rtMillis);
        if (ended <= windowEnd) {
          step.okEndedInWindow++;
        }
      } else {
        step.errors++;
      }
    }
  }

  /** CPU seconds between two times, from the nearest samples. */
  private double cpuSeconds(long from, long to) {
    return cpuSeconds(from, to, WILDFLY);
  }

  private double cpuSeconds(long from, long to, int column) {
    long[] a = nearest(from);
    long[] b = nearest(to);
    if (a == null || b == null || a[column] < 0 || b[column] < 0) {
      return Double.NaN;
    }
    return (b[column] - a[column]) * TICK;
  }

  /** Each column's CPU over a window, in percent of one core. */
  private Map<String, Double> cores(long from, long to) {
    Map<String, Double> cores = new java.util.LinkedHashMap<>();
    long[] a = nearest(from);
    long[] b = nearest(to);
    double seconds = a == null || b == null || b[0] <= a[0] ? Double.NaN : (b[0] - a[0]) / 1000.0;
    for (int c = WILDFLY; c <= KEYCLOAK; c++) {
      cores.put(WHO[c], cpuSeconds(from, to, c) * 100 / seconds);
    }
    return cores;
  }

  private long[] nearest(long t) {
    long[] best = null;
    for (long[] s : cpuSamples) {
      if (best == null || Math.abs(s[0] - t) < Math.abs(best[0] - t)) {
        best = s;
      }
    }
    return best;
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
    return sorted.get(Math.max(0, i));
  }

  private record Row(
      String scenario,
      int step,
      double offered,
      double achieved,
      long ok,
      long errors,
      double p50,
      double p95,
      double p99,
      double max,
      double cpuSeconds,
      double cpuMsPerOp,
      Map<String, Double> cores,
      Map<Integer, Long> statuses) {}

  /**
   * Scenarios run at once share the server: then each step's CPU is divided by the operations of
   * all scenarios in that step (the same figure on each of their lines).
   */
  private boolean shared;

  void shared(boolean shared) {
    this.shared = shared;
  }

  private List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    long[] allOk = new long[rates.length];
    for (Step[] a : steps.values()) {
      for (int i = 0; i < a.length; i++) {
        synchronized (a[i]) {
          allOk[i] += a[i].ok;
        }
      }
    }
    for (String s : scenarios) {
      Long start = starts.get(s);
      Step[] a = steps.get(s);
      for (int i = 0; i < a.length; i++) {
        Step st = a[i];
        List<Long> sorted;
        synchronized (st) {
          sorted = new ArrayList<>(st.latencies);
        }
        sorted.sort(null);
        double seconds = stepMillis / 1000.0;
        double cpu =
            start == null
                ? Double.NaN
                : cpuSeconds(start + i * stepMillis, start + (i + 1) * stepMillis);
        rows.add(
            new Row(
                s,
                i + 1,
                rates[i],
                st.okEndedInWindow / seconds,
                st.ok,
                st.errors,
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99),
                percentile(sorted, 1.0),
                cpu,
                st.ok == 0 ? Double.NaN : cpu * 1000 / st.ok,
                start == null
                    ? Map.of()
                    : cores(start + i * stepMillis, start + (i + 1) * stepMillis),
                st.statuses));
      }
    }
    return rows;
  }

  private static double perOp(double cpuSeconds, long ops) {
    return ops == 0 ? Double.NaN : cpuSeconds * 1000 / ops;
  }

  String summary() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-8s %4s %8s %9s %7s %6s %8s %8s %8s %9s%n",
            "scenario",
            "step",
            "offered",
            "achieved",
            "ok",
            "errors",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "cpu ms/op"));
    for (Row r : rows()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-8s %4d %8.1f %9.1f %7d %6d %8.0f %8.0f %8.0f %9.2f%n",
              r.scenario(),
              r.step(),
              r.offered(),
              r.achieved(),
              r.ok(),
              r.errors(),
              r.p50(),
              r.p95(),
              r.p99(),
              r.cpuMsPerOp()));
    }
    return b.toString();
  }

  void write(Path file, String label, String portal) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("{\n  \"label\": \"").append(label).append("\",\n");
    b.append("  \"portal\": \"").append(portal).append("\",\n");
    b.append("  \"stepSeconds\": ").append(stepMillis / 1000).append(",\n");
    b.append("  \"wildflyPid\": ").append(pid).append(",\n");
    b.append("  \"parallel\": ").append(shared).append(",\n");
    b.append("  \"finishedAt\": \"").append(java.time.Instant.now()).append("\",\n");
    b.append("  \"rows\": [\n");
    List<Row> rows = rows();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      StringBuilder st = new StringBuilder("{");
      r.statuses()
          .forEach(
              (k, v) ->
                  st.append(st.length() > 1 ? ", " : "")
                      .append('"')
                      .append(k)
                      .append("\": ")
                      .append(v));
      st.append('}');
      b.append(
          String.format(
              Locale.ROOT,
              "    {\"scenario\": \"%s\", \"step\": %d, \"offered\": %s, \"achieved\": %s, \"ok\": %d,"
                  + " \"errors\": %d, \"p50\": %s, \"p95\": %s, \"p99\": %s, \"max\": %s,"
                  + " \"cpuSeconds\": %s, \"cpuMsPerOp\": %s, \"cores\": %s,"
                  + " \"statuses\": %s}%s%n",
              r.scenario(),
              r.step(),
              num(r.offered()),
              num(r.achieved()),
              r.ok(),
              r.errors(),
              num(r.p50()),
              num(r.p95()),
              num(r.p99()),
              num(r.max()),
              num(r.cpuSeconds()),
              num(r.cpuMsPerOp()),
              coresJson(r.cores()),
              st,
              i < rows.size() - 1 ? "," : ""));
    }
    b.append("  ]\n}\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, b);
  }

  private static String coresJson(Map<String, Double> cores) {
    StringBuilder b = new StringBuilder("{");
    cores.forEach(
        (k, v) ->
            b.append(b.length() > 1 ? ", " : "")
                .append('"')
                .append(k)
                .append("\": ")
                .append(num(v)));
    return b.append('}').toString();
  }

  private static String num(double d) {
    return Double.isNaN(d) || Double.isInfinite(d) ? "null" : String.format(Locale.ROOT, "%.3f", d);
  }

  @SuppressWarnings("unused")
  private static String arr(double[] a) {
    return Arrays.toString(a);
  }
}

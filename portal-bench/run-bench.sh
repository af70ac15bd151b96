#!/usr/bin/env bash
# The portal's load benchmark in one command (issue 9): builds, starts the portal on a fresh
# PostgreSQL database "bench" with the benchmark's mail sink on the SMTP port, fills it with the data
# generator, calibrates (pgbench TPC-B on the same PostgreSQL, and a trivial endpoint at the same
# rates), measures the first minute after a start and then each scenario at stepped arrival rates
# (Gatling, open model, HTTP/1.1), and writes the results, a chart and a Markdown table. It stops
# everything it started, however it ends.
#
#   portal-bench/run-bench.sh                      the full size: 10,000 patients, 1,000,000 messages
#   portal-bench/run-bench.sh --small              200 patients, 20,000 messages, short steps
#   options: --skip-generate (keep the database "bench" and the sample of an earlier run)
#            --patients=N --messages=N --rates=10,20,40 --step-seconds=30 --scenarios=me,send,...
#            --first-minute-rate=N (per scenario; 0 skips the first-minute pass) --no-build
#            --jfr (a JFR profile of WildFly over the stepped pass, summed up by jfr_top.py)
#            --smtp-port=N (the mail sink's port, given to the portal as PORTAL_SMTP_PORT; default 3025)
#
# Results: target/bench/ (results-*.json, pgbench.txt, mail-sink.json, Gatling's HTML reports,
# report.md), and docs/benchmarks-load.svg and docs/benchmarks-load.md (the chart and the tables).
# Ports 8080/8443/9990/8180 and the sink's (3025) must be free; it holds /tmp/portal-it.lock while it runs, as the
# integration tests do.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD

if [ "${BENCH_LOCKED:-}" != yes ]; then
  echo "Waiting for /tmp/portal-it.lock (integration tests and benchmarks share the ports)..."
  exec env BENCH_LOCKED=yes flock /tmp/portal-it.lock "$0" "$@"
fi

# --- options
patients=10000 clinicians=400 staff=100 pools=50 messages=1000000 per_thread=5
sample_patients=200 sample_clinicians=20
rates=25,50,100,200,400 step_seconds=30 first_minute_rate=20
scenarios=me,health,send,reply,open,inbox,queue,audit
generate=yes build=yes smtp_port=3025 jfr=no
for arg in "$@"; do
  case "$arg" in
    --small)
      patients=200 clinicians=40 staff=20 pools=10 messages=20000 sample_patients=50 sample_clinicians=10
      rates=10,20,40 step_seconds=10 first_minute_rate=10 ;;
    --skip-generate) generate=no ;;
    --no-build) build=no ;;
    --jfr) jfr=yes ;;
    --patients=*) patients=${arg#*=} ;;
    --messages=*) messages=${arg#*=} ;;
    --rates=*) rates=${arg#*=} ;;
    --step-seconds=*) step_seconds=${arg#*=} ;;
    --scenarios=*) scenarios=${arg#*=} ;;
    --first-minute-rate=*) first_minute_rate=${arg#*=} ;;
    --smtp-port=*) smtp_port=${arg#*=} ;;
    *) echo "unknown option $arg (see the head of $0)" >&2; exit 2 ;;
  esac
done

mkdir -p target/bench
echo "portal-bench/run-bench.sh $*, $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)" \
  >target/bench/run.txt

WILDFLY_VERSION=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
KEYCLOAK_VERSION=$(sed -n 's:.*<version.keycloak>\(.*\)</version.keycloak>.*:\1:p' pom.xml)
server="$top/portal-ear/target/server/wildfly-$WILDFLY_VERSION"
keycloak="$top/realm-config/target/keycloak-$KEYCLOAK_VERSION"
out="$top/target/bench"
logs="$out/logs"
mkdir -p "$logs"
PG="-h 127.0.0.1 -U postgres"
DB=bench
say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# a run that held the lock before may still be stopping its servers: give it two minutes
for port in 8080 8443 9990 8180 "$smtp_port"; do
  for _ in $(seq 1 120); do port_open "$port" || break; sleep 1; done
  if port_open "$port"; then
    echo "Port $port is in use (the demo, or a test run?): stop it first." >&2
    exit 1
  fi
done

# --- stopping what this script starts
wildfly_pid= sink_pid=
stop_wildfly() {
  [ -n "$wildfly_pid" ] || return 0
  if kill -0 "$wildfly_pid" 2>/dev/null; then
    timeout 60 "$server/bin/jboss-cli.sh" -c --command=":shutdown" >/dev/null 2>&1 \
      || kill -TERM -- "-$wildfly_pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$wildfly_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$wildfly_pid" 2>/dev/null || true
  fi
  wildfly_pid=
}
cleanup() {
  trap '' HUP INT TERM PIPE
  set +e
  say "stopping WildFly, Keycloak and the mail sink"
  stop_wildfly
  bash "$top/realm-config/src/main/scripts/keycloak.sh" stop "$keycloak" >/dev/null 2>&1
  if [ -n "$sink_pid" ]; then kill -TERM "$sink_pid" 2>/dev/null; wait "$sink_pid" 2>/dev/null; fi
  say "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# --- build: the server with the EAR, and portal-bench with its test classpath (Gatling)
if [ "$build" = yes ]; then
  say "building (mvn package, without tests)"
  mvn -B -q -Pbench package -DskipTests -DskipITs
fi
say "resolving portal-bench's classpath"
mvn -B -q -o -Pbench test-compile dependency:build-classpath -pl portal-bench -am -DskipTests \
  -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >"$logs/classpath.log" 2>&1 \
  || { cat "$logs/classpath.log" >&2; exit 1; }
cp="$top/portal-bench/target/test-classes:$top/portal-bench/target/classes:$(cat "$out/classpath.txt")"
JAVA="java -XX:+UseParallelGC"

# --- the mail sink on the SMTP port the portal sends to (instead of the demo's GreenMail)
export PORTAL_SMTP_HOST=localhost PORTAL_SMTP_PORT=$smtp_port
$JAVA -Xmx64m -cp "$cp" org.patientportal.bench.SmtpSink "$smtp_port" "$out/mail-sink.json" "$out/mail-receipts.tsv" \
  >"$logs/mail-sink.log" 2>&1 &
sink_pid=$!
for _ in $(seq 1 40); do port_open "$smtp_port" && break; sleep 0.25; done
port_open "$smtp_port" || { cat "$logs/mail-sink.log" >&2; exit 1; }

# --- WildFly on PostgreSQL
export PORTAL_DB_DRIVER=postgresql PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
export PORTAL_DB_USER=postgres PORTAL_DB_PASSWORD=postgres
export PORTAL_DEMO_DATA=true PORTAL_COOKIE_SECURE=false
start_wildfly() { # $1: log name; sets wildfly_pid and started_ms
  started_ms=$(date +%s%3N)
  setsid "$server/bin/standalone.sh" -c standalone-full.xml >"$logs/$1" 2>&1 </dev/null &
  wildfly_pid=$!
}
wait_ready() {
  for _ in $(seq 1 1200); do
    curl -fsS -o /dev/null http://localhost:8080/portal/health/ready 2>/dev/null && return 0
    kill -0 "$wildfly_pid" 2>/dev/null || break
    sleep 0.25
  done
  echo "the portal did not become ready; see $logs" >&2
  exit 1
}
# WildFly's JVM (the jboss-modules process under standalone.sh), whose CPU time is measured
jvm_pid() {
  local p
  for p in $(pgrep -g "$wildfly_pid" java 2>/dev/null); do
    tr '\0' ' ' <"/proc/$p/cmdline" | grep -q jboss-modules.jar && { echo "$p"; return; }
  done
}

if [ "$generate" = yes ]; then
  say "a fresh database $DB"
  dropdb $PG --if-exists "$DB"
  createdb $PG "$DB"
  say "first start of the portal on it (schema, installation id, key store, demo data)"
  start_wildfly wildfly-first.log
  wait_ready
  stop_wildfly
  say "generating: $patients patients, $clinicians clinicians, $staff staff, $pools pools, $messages messages"
  gen_start=$(date +%s)
  $JAVA -Xmx1g -cp "$cp" org.patientportal.bench.DataGenerator \
    --jdbc="jdbc:postgresql://127.0.0.1:5432/$DB" --data-dir="$server/standalone/data" \
    --patients="$patients" --clinicians="$clinicians" --staff="$staff" --pools="$pools" \
    --messages="$messages" --per-thread="$per_thread" --sample-patients="$sample_patients" \
    --sample-clinicians="$sample_clinicians" --out="$out" | tee "$logs/generator.log"
  echo "generation took $(( $(date +%s) - gen_start )) s" | tee -a "$logs/generator.log"
  rm -f "$out/tokens.tsv"
fi
[ -f "$out/sample.tsv" ] || { echo "no sample in $out: run without --skip-generate" >&2; exit 1; }
psql $PG -d "$DB" -Atc "select 'database: ' || pg_size_pretty(pg_database_size('$DB')) || ', '
  || (select count(*) from message) || ' messages, ' || (select count(*) from message_thread)
  || ' threads, ' || (select count(*) from audit_entry) || ' audit entries'" | tee "$out/database.txt"

# --- calibration 1: pgbench TPC-B on the same PostgreSQL, with the portal stopped
say "pgbench: TPC-B, scale 10, 8 clients, 2 threads, 30 s"
dropdb $PG --if-exists bench_pgbench
createdb $PG bench_pgbench
pgbench $PG -i -s 10 -q bench_pgbench >"$logs/pgbench-init.log" 2>&1
pgbench $PG -c 8 -j 2 -T 30 bench_pgbench >"$out/pgbench.txt" 2>&1
grep -E "^tps|latency average" "$out/pgbench.txt"
dropdb $PG bench_pgbench

# --- Keycloak: the demo realm plus the sample's users, tokens living 4 hours (a benchmark realm)
python3 - "$top/realm-config/src/main/demo/portal-realm.json" "$out/keycloak-users.json" \
  "$out/portal-realm-bench.json" <<'PY'
import json, sys
realm = json.load(open(sys.argv[1], encoding="utf-8"))
users = json.load(open(sys.argv[2], encoding="utf-8"))["users"]
known = {u["username"] for u in realm["users"]}
realm["users"] += [u for u in users if u["username"] not in known]
realm["accessTokenLifespan"] = 4 * 3600
realm["bruteForceProtected"] = False
# the benchmark measures the portal, not the sign-in: its clinicians get their tokens with the
# password alone (Keycloak's own direct grant flow, and no authenticator apps)
realm["directGrantFlow"] = "direct grant"
for u in realm["users"]:
    u["credentials"] = [c for c in u.get("credentials", []) if c["type"] != "otp"]
json.dump(realm, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
PY
say "starting Keycloak with the benchmark realm"
bash "$top/realm-config/src/main/scripts/keycloak.sh" start "$keycloak" "$out/portal-realm-bench.json" 8180 \
  >"$logs/keycloak-start.log" 2>&1 || { cat "$logs/keycloak-start.log" >&2; exit 1; }

gatling() { # $1: label; then -D options
  local label=$1; shift
  $JAVA -Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$cp" -Dportal.url=http://localhost:8080/portal -Dkeycloak.url=http://localhost:8180 \
    -Dbench.sample="$out/sample.tsv" -Dbench.tokens="$out/tokens.tsv" \
    -Dbench.results="$out/results-$label.json" -Dbench.label="$label" -Dbench.wildfly-pid="$(jvm_pid)" "$@" \
    io.gatling.app.Gatling -s org.patientportal.bench.load.LoadSimulation \
    -rf "$out/gatling" -rd "$label" 2>&1 | tee "$logs/gatling-$label.log" \
    | grep -vE "^(\[|=|-|>|Simulation|Session|Global|Request|Generating|Please|Reports|Parsing|\s+waiting|\s*$)| \| " || true
}

# tokens first (the sample's password grants take a while), so that the first minute is measured
say "tokens for the sample"
$JAVA -cp "$cp" -Dbench.tokens="$out/tokens.tsv" org.patientportal.bench.FetchTokens "$out/sample.tsv" \
  http://localhost:8180 | tee "$logs/tokens.log"
probe_token=$(awk -F'\t' '$1 ~ /^bp/ {print $3; exit}' "$out/tokens.tsv")

# --- the first minute after a start
say "starting the portal (measuring the first minute)"
start_wildfly wildfly.log
load_start_ms=$started_ms
first_ok_ms=
for _ in $(seq 1 2400); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $probe_token" \
    http://localhost:8080/portal/api/v1/me 2>/dev/null || true)
  if [ "$code" = 200 ]; then first_ok_ms=$(( $(date +%s%3N) - started_ms )); break; fi
  kill -0 "$wildfly_pid" 2>/dev/null || { echo "WildFly stopped; see $logs/wildfly.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$first_ok_ms" ] || { echo "no 200 from /me within 4 minutes" >&2; exit 1; }
echo "{\"timeToFirstOkMs\": $first_ok_ms}" >"$out/first-ok.json"
say "first 200 of GET /me $first_ok_ms ms after standalone.sh was started"
if [ "$first_minute_rate" != 0 ]; then
  r=$first_minute_rate
  gatling first-minute -Dbench.parallel=true -Dbench.scenarios=send,open,inbox \
    -Dbench.rates="$r,$r,$r,$r,$r,$r" -Dbench.step-seconds=10
fi

# --- the stepped scenarios, the trivial endpoints first (calibration)
say "stepped: $scenarios at $rates per second, $step_seconds s each"
if [ "$jfr" = yes ]; then
  # a profile of WildFly over the stepped pass; portal-bench/jfr_top.py sums it up
  jcmd "$(jvm_pid)" JFR.start name=bench settings=profile filename="$out/wildfly-stepped.jfr" >/dev/null
fi
# One Gatling run per scenario, each after WildFly has gone idle: work a scenario leaves behind (the
# emails of its sends, a backlog of requests) is not charged to the next one, and the CPU it takes
# after the load is reported with the scenario (idle-*.json, "after the load" in the report).
wait_idle() { # $1: label; waits until WildFly uses under 5 % of a core for 2 s (at most 3 minutes)
  local pid before now prev waited=0
  pid=$(jvm_pid); before=$(awk '{print $14 + $15}' "/proc/$pid/stat"); prev=$before
  while [ $waited -lt 180 ]; do
    sleep 2; waited=$((waited + 2))
    now=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    [ $((now - prev)) -lt 10 ] && break
    prev=$now
  done
  echo "{\"label\": \"$1\", \"seconds\": $waited, \"cpuMs\": $(( (now - before) * 10 ))}" >"$out/idle-$1.json"
  say "idle after $1: ${waited} s, $(( (now - before) * 10 )) ms of WildFly CPU"
}
wait_idle before-stepped
for s in ${scenarios//,/ }; do
  gatling "stepped-$s" -Dbench.scenarios="$s" -Dbench.rates="$rates" -Dbench.step-seconds="$step_seconds"
  wait_idle "stepped-$s"
done
python3 - "$out" "$scenarios" <<'PY'
import json, os, sys
out, names = sys.argv[1], sys.argv[2].split(",")
merged = None
for name in names:
    try:
        part = json.load(open(os.path.join(out, f"results-stepped-{name}.json"), encoding="utf-8"))
        idle = json.load(open(os.path.join(out, f"idle-stepped-{name}.json"), encoding="utf-8"))
    except (OSError, ValueError):
        continue
    part.setdefault("after", {})[name] = idle
    if merged is None:
        merged = part
    else:
        merged["rows"] += part["rows"]
        merged.setdefault("after", {}).update(part["after"])
if merged:
    json.dump(merged, open(os.path.join(out, "results-stepped.json"), "w", encoding="utf-8"), indent=1)
PY

# --- mail: let the queue drain for up to 2 minutes after the load, then read the sink's count
if [ "$jfr" = yes ]; then
  jcmd "$(jvm_pid)" JFR.stop name=bench >/dev/null
  python3 portal-bench/jfr_top.py "$out/wildfly-stepped.jfr" | tee "$out/wildfly-stepped-profile.txt"
fi
say "waiting for the notification emails to drain"
load_end_ms=$(date +%s%3N)
last=-1
for _ in $(seq 1 24); do
  sleep 5
  now=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mails"])' "$out/mail-sink.json" 2>/dev/null || echo 0)
  [ "$now" = "$last" ] && break
  last=$now
done
kill -TERM "$sink_pid" 2>/dev/null; wait "$sink_pid" 2>/dev/null || true; sink_pid=
python3 - "$out/mail-sink.json" "$load_end_ms" <<'PY' | tee "$out/mail.txt"
import json, sys, datetime
s = json.load(open(sys.argv[1]))
end = int(sys.argv[2]) / 1000
last = datetime.datetime.fromisoformat(s["lastAt"].replace("Z", "+00:00")).timestamp() if s["lastAt"] else None
drain = f"{last - end:.1f} s after the load ended" if last and last > end else "before the load ended"
print(f"mail sink: {s['mails']} mails, Date-to-receipt p50 {s['dateDelayP50Ms']} ms, p99 {s['dateDelayP99Ms']} ms, "
      f"max {s['dateDelayMaxMs']} ms; last mail {drain}; sink heap {s['heapUsedMb']} MB")
PY

# the whole delay from each send to its emails' receipt, queue included (Message-IDs joined with the database)
python3 "$top/portal-bench/mail_delay.py" "$out/mail-receipts.tsv" "$DB" "$load_start_ms" | tee "$out/mail-delay.json"

# --- the audit chain still verifies
audit_token=$(awk -F'\t' '$1 == "audit.kim" {print $3}' "$out/tokens.tsv")
curl -s -H "Authorization: Bearer $audit_token" http://localhost:8080/portal/api/v1/audit/verify \
  | tee "$out/audit-verify.json"; echo

# --- report
python3 "$top/portal-bench/report.py" "$out" "$top/docs"
say "done: $out/report.md, docs/benchmarks-load.svg, docs/benchmarks-load.md"

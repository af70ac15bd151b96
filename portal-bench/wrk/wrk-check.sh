#!/usr/bin/env bash
# A quick cross-check of the send and open paths with wrk (HTTP/1.1, keep-alive connections), the
# way issue 9's "where it stands" table was measured: against a running demo (./run.sh, on H2 or
# PostgreSQL), pat.jones sending to dr.smith and dr.smith opening one thread, each for a warm-up and
# then a measured run; prints throughput, latency percentiles and WildFly's CPU milliseconds per
# request (utime + stime of its JVM from /proc over the measured run).
#
#   portal-bench/wrk/wrk-check.sh [--connections 32] [--seconds 30] [--warmup 20] [send|open ...]
#
# Short checks only: run.sh's mail catcher (GreenMail, 128 MB heap) keeps every email, and after
# some 70,000 it answers SMTP so slowly that deliveries time out and the figures measure that; the
# load benchmark (run-bench.sh) has a sink that keeps nothing.
# Needs wrk and GNU time (Debian's packages), curl and python3; the demo's users (password Demo-pass-2026) and the
# realm's public client portal-cli with direct access grants. Not part of any build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
connections=32 seconds=30 warmup=20 scenarios=()
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    send|open) scenarios+=("$1"); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=(send open)
base=${PORTAL_URL:-http://localhost:8080/portal/api/v1}
kc=${KEYCLOAK_URL:-http://localhost:8180}

# dr.smith signs in with the code of the demo's authenticator app (README, two-step sign-in)
totp() {
  python3 -c 'import base64,hashlib,hmac,struct,sys,time
d = hmac.new(base64.b32decode(sys.argv[1]), struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
o = d[-1] & 15
print("%06d" % ((struct.unpack(">I", d[o:o + 4])[0] & 0x7FFFFFFF) % 1000000))' "$1"
}
token() {
  local code=()
  [ "$1" = dr.smith ] && code=(-d "totp=$(totp PCLOVZ47JDPZG3FV4PN3BZ5XRFBQ3VXV)")
  curl -fsS "$kc/realms/portal/protocol/openid-connect/token" -d grant_type=password \
    -d client_id=portal-cli -d username="$1" -d password="${DEMO_PASSWORD:-Demo-pass-2026}" "${code[@]}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
jvm_pid() {
  local p
  for p in $(pgrep java); do
    tr '\0' ' ' <"/proc/$p/cmdline" | grep -q jboss-modules.jar && { echo "$p"; return; }
  done
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# utime + stime of every process whose command line matches $1, in clock ticks
group_ticks() {
  local p total=0
  for p in $(pgrep -f "$1" 2>/dev/null); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
# the parts of the machine, in clock ticks: WildFly, PostgreSQL, Keycloak, all cores
snapshot() { echo "$(ticks "$pid") $(group_ticks '^postgres|bin/postgres') $(group_ticks 'keycloak|quarkus') $(machine_ticks)"; }
# waits (at most 3 minutes) until WildFly has used under 5 % of a core for 2 s
wait_idle() {
  local a b
  for _ in $(seq 1 90); do
    a=$(ticks "$pid"); sleep 2; b=$(ticks "$pid")
    [ $((b - a)) -lt 10 ] && return 0
  done
}

pid=$(jvm_pid)
[ -n "$pid" ] || { echo "no WildFly running: start ./run.sh first" >&2; exit 1; }
patient=$(token pat.jones)
clinician=$(token dr.smith)
# the guidelines must be accepted before a first message
sha=$(curl -fsS -H "Authorization: Bearer $patient" "$base/messaging/guidelines?language=en" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["sha256"])')
curl -fsS -o /dev/null -H "Authorization: Bearer $patient" -H 'Content-Type: application/json' \
  -d "{\"sha256\":\"$sha\",\"language\":\"en\"}" "$base/messaging/guidelines/acceptance"

run() { # $1 scenario, $2 seconds; prints wrk's report
  case "$1" in
    send) TOKEN=$patient /usr/bin/time -f 'wrk-cpu %U %S' wrk -t2 -c"$connections" -d"$2s" --latency -s "$here/send.lua" "$base/threads" ;;
    open) TOKEN=$clinician /usr/bin/time -f 'wrk-cpu %U %S' wrk -t2 -c"$connections" -d"$2s" --latency -s "$here/open.lua" "$base/threads/$thread" ;;
  esac
}

thread=$(curl -fsS -H "Authorization: Bearer $patient" -H 'Content-Type: application/json' \
  -d '{"to":"dr.smith","category":"GENERAL","subject":"Pregunta sobre la próxima cita 📅","body":"¿Puedo traer a mi hija? Gracias."}' \
  "$base/threads" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

for s in "${scenarios[@]}"; do
  echo "=== $s: warm-up ${warmup}s"
  run "$s" "$warmup" >/dev/null 2>&1
  echo "=== $s: measured ${seconds}s, $connections connections"
  before=$(snapshot)
  report=$(run "$s" "$seconds" 2>&1)
  after=$(snapshot)
  wait_idle
  idle=$(snapshot)
  echo "$report" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors|requests in"
  requests=$(echo "$report" | awk '/requests in/ {print $1}')
  load_tool=$(echo "$report" | awk '/wrk-cpu/ {print $2 + $3}')
  python3 - "$requests" "$load_tool" "$(getconf CLK_TCK)" "$before" "$after" "$idle" <<'PY'
import sys
requests, load_tool, hz = max(1, int(sys.argv[1])), float(sys.argv[2]), int(sys.argv[3])
before, after, idle = ([int(v) for v in a.split()] for a in sys.argv[4:7])
print("CPU ms per request      during the run   with what it left")
for i, part in enumerate(["WildFly", "PostgreSQL", "Keycloak", "whole machine"]):
    during = (after[i] - before[i]) * 1000 / hz / requests
    left = (idle[i] - before[i]) * 1000 / hz / requests
    print(f"  {part:20s} {during:10.2f} {left:17.2f}")
print(f"  {'load tool (wrk)':20s} {load_tool * 1000 / requests:10.2f}")
PY
done

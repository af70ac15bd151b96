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
# Needs wrk (Debian's package), curl and python3; the demo's users (password Demo-pass-2026) and the
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

token() {
  curl -fsS "$kc/realms/portal/protocol/openid-connect/token" -d grant_type=password \
    -d client_id=portal-cli -d username="$1" -d password="${DEMO_PASSWORD:-Demo-pass-2026}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
jvm_pid() {
  local p
  for p in $(pgrep java); do
    tr '\0' ' ' <"/proc/$p/cmdline" | grep -q jboss-modules.jar && { echo "$p"; return; }
  done
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

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
    send) TOKEN=$patient wrk -t2 -c"$connections" -d"$2s" --latency -s "$here/send.lua" "$base/threads" ;;
    open) TOKEN=$clinician wrk -t2 -c"$connections" -d"$2s" --latency -s "$here/open.lua" "$base/threads/$thread" ;;
  esac
}

thread=$(curl -fsS -H "Authorization: Bearer $patient" -H 'Content-Type: application/json' \
  -d '{"to":"dr.smith","category":"GENERAL","subject":"Pregunta sobre la próxima cita 📅","body":"¿Puedo traer a mi hija? Gracias."}' \
  "$base/threads" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

for s in "${scenarios[@]}"; do
  echo "=== $s: warm-up ${warmup}s"
  run "$s" "$warmup" >/dev/null
  echo "=== $s: measured ${seconds}s, $connections connections"
  before=$(ticks "$pid")
  report=$(run "$s" "$seconds")
  after=$(ticks "$pid")
  echo "$report" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors|requests in"
  requests=$(echo "$report" | awk '/requests in/ {print $1}')
  python3 -c "print('WildFly CPU per request: %.2f ms' % (($after - $before) * 10 / max(1, $requests)))"
done

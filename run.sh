#!/usr/bin/env bash
# Runs the patient portal with its demo data on embedded defaults: builds what changed (Maven fetches
# WildFly, Keycloak and the mail catcher from Maven Central), starts a GreenMail mail catcher,
# Keycloak with the demo realm and WildFly with the portal, and prints where everything is.
# Ctrl-C stops all of it, and so does closing its terminal (or killing it: a watchdog stops what it
# started).
#
#   ./run.sh              H2 database in portal-ear/target/server (kept between runs; the tests
#                         start it afresh, with the demo data only)
#   PORTAL_DB=postgresql ./run.sh    PostgreSQL at 127.0.0.1:5432, database "test", user "postgres"
#   ./run.sh --rebuild    build even if nothing changed
set -euo pipefail
cd "$(dirname "$0")"
top=$PWD

WILDFLY_VERSION=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
KEYCLOAK_VERSION=$(sed -n 's:.*<version.keycloak>\(.*\)</version.keycloak>.*:\1:p' pom.xml)
server="$top/portal-ear/target/server/wildfly-$WILDFLY_VERSION"
keycloak="$top/realm-config/target/keycloak-$KEYCLOAK_VERSION"
greenmail_jar="$top/portal-ear/target/mail-catcher/greenmail-standalone.jar"
mail_catcher="$top/portal-ear/src/main/scripts/mail-catcher.sh"
logs="$top/target/run"
mkdir -p "$logs"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Printing never stops this script: once the terminal or the pipe it writes to is gone, it goes on.
say() { printf '%s\n' "$*" 2>/dev/null || true; }

# --- stopping everything this script starts; the pid files are in $logs
stop_all() {
  set +e
  trap '' HUP PIPE INT TERM
  local pid
  # Keycloak's starter first, so it cannot start Keycloak after the stop below
  pid=$(cat "$logs/keycloak-starter.pid" 2>/dev/null)
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null
  rm -f "$logs/keycloak-starter.pid"
  pid=$(cat "$logs/wildfly.pid" 2>/dev/null)
  rm -f "$logs/wildfly.pid" # first: a new run's pid file must not go with this stop
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    timeout 30 "$server/bin/jboss-cli.sh" -c --command=":shutdown" >/dev/null 2>&1 \
      || kill -TERM -- "-$pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null
  fi
  rm -f "$logs/wildfly.pid"
  bash "$top/realm-config/src/main/scripts/keycloak.sh" stop "$keycloak"
  bash "$mail_catcher" stop "$logs"
}

# --- the watchdog (run.sh --watch <pid>, started below in a session of its own): when this script
# ends in a way that runs no trap (SIGKILL, a crash), the watchdog stops what it started
if [ "${1:-}" = --watch ]; then
  parent=${2:?pid of run.sh}
  trap '' HUP INT PIPE
  trap 'exit 0' TERM # run.sh's own clean-up ends the watchdog first
  while kill -0 "$parent" 2>/dev/null; do sleep 1; done
  echo "$(date -u +%FT%TZ) run.sh ($parent) is gone; stopping what it started"
  stop_all >>"$logs/stop.log" 2>&1
  rm -f "$logs/watchdog.pid"
  exit 0
fi

# a watchdog of an earlier run that is still stopping: let it finish
watchdog=$(cat "$logs/watchdog.pid" 2>/dev/null || true)
if [ -n "$watchdog" ] && kill -0 "$watchdog" 2>/dev/null; then
  echo "An earlier run is still stopping; waiting for it..."
  for _ in $(seq 1 240); do kill -0 "$watchdog" 2>/dev/null || break; sleep 0.5; done
fi

for port in 8080 8443 9990 8180 3025 3143 8025; do
  if port_open "$port"; then
    echo "Port $port is already in use; stop whatever listens there first (an earlier run?)." >&2
    exit 1
  fi
done

# --- build, unless the last build is newer than every source file
needs_build=yes
if [ "${1:-}" != "--rebuild" ] && [ -f "$server/standalone/deployments/portal.ear" ] \
    && [ -f "$greenmail_jar" ] && [ -x "$keycloak/bin/kc.sh" ]; then
  newer=$(find pom.xml */pom.xml */src -newer "$server/standalone/deployments/portal.ear" -type f -print -quit)
  [ -z "$newer" ] && needs_build=no
fi
if [ "$needs_build" = yes ]; then
  echo "Building (first time: Maven downloads WildFly, Keycloak and the libraries, a few minutes)..."
  # without the tests, which would start servers of their own (never on the demo's data)
  mvn -B -q package -DskipTests -DskipITs
fi

# --- stop everything we start, whatever way this script ends: Ctrl-C, kill, the terminal closed
# (SIGHUP), the pipe it prints to gone (SIGPIPE); and the watchdog for what runs no trap (SIGKILL)
cleanup() {
  trap '' HUP PIPE INT TERM
  trap - EXIT
  say
  say "Stopping the portal, Keycloak and the mail catcher..."
  if [ -n "${watchdog_pid:-}" ]; then
    kill -TERM "$watchdog_pid" 2>/dev/null || true
    rm -f "$logs/watchdog.pid"
  fi
  stop_all >>"$logs/stop.log" 2>&1
  say "Stopped."
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 141' PIPE
trap 'exit 143' TERM

setsid bash "$top/run.sh" --watch $$ </dev/null >>"$logs/watchdog.log" 2>&1 &
watchdog_pid=$!
echo "$watchdog_pid" >"$logs/watchdog.pid"

# --- mail catcher: SMTP 3025, IMAP 3143 (any password), web API on 8025; the same as the tests'
bash "$mail_catcher" start "$greenmail_jar" "$logs" >"$logs/mail-catcher-start.log" 2>&1 </dev/null \
  || { cat "$logs/mail-catcher-start.log" >&2; exit 1; }

# --- Keycloak with the demo realm, in the background while WildFly starts
bash "$top/realm-config/src/main/scripts/keycloak.sh" start "$keycloak" \
  "$top/realm-config/src/main/demo/portal-realm.json" 8180 >"$logs/keycloak-start.log" 2>&1 </dev/null &
keycloak_starter=$!
echo "$keycloak_starter" >"$logs/keycloak-starter.pid"

# --- WildFly with the portal and its demo data
export PORTAL_DEMO_DATA=true PORTAL_COOKIE_SECURE=false
# the demo realm's portal-enrollment secret: the service account that creates enrolling people's accounts
export PORTAL_ENROLLMENT_CLIENT_SECRET="${PORTAL_ENROLLMENT_CLIENT_SECRET:-demo-portal-enrollment-secret-not-for-production}"
if [ "${PORTAL_DB:-h2}" = postgresql ]; then
  export PORTAL_DB_DRIVER=postgresql
  export PORTAL_DB_URL="${PORTAL_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true}"
  export PORTAL_DB_USER="${PORTAL_DB_USER:-postgres}" PORTAL_DB_PASSWORD="${PORTAL_DB_PASSWORD:-postgres}"
fi
setsid "$server/bin/standalone.sh" -c standalone-full.xml >"$logs/wildfly.log" 2>&1 < /dev/null &
wildfly_pid=$!
echo "$wildfly_pid" >"$logs/wildfly.pid"

if ! wait "$keycloak_starter"; then
  cat "$logs/keycloak-start.log" >&2
  exit 1
fi
rm -f "$logs/keycloak-starter.pid"
echo "Keycloak is up; waiting for the portal..."
for _ in $(seq 1 360); do
  if curl -fsS -o /dev/null http://localhost:8080/portal/health/ready 2>/dev/null; then
    ready=yes
    break
  fi
  if ! kill -0 "$wildfly_pid" 2>/dev/null; then break; fi
  sleep 0.5
done
if [ "${ready:-}" != yes ]; then
  echo "The portal did not become ready; the end of $logs/wildfly.log:" >&2
  tail -n 40 "$logs/wildfly.log" >&2
  exit 1
fi

cat <<BANNER

  The patient portal is running (database: ${PORTAL_DB:-h2}).

    Portal           http://localhost:8080/portal/    https://localhost:8443/portal/ (self-signed)
    API              http://localhost:8080/portal/api/v1/me   (bearer token; see README.md)
    Readiness        http://localhost:8080/portal/health/ready   server: http://localhost:9990/health/ready
    Keycloak         http://localhost:8180/admin/   (demo administrator: admin / Demo-admin-2026)
    Mail catcher     SMTP localhost:3025, IMAP localhost:3143 (any password), web http://localhost:8025/

  Demo logins, password Demo-pass-2026 for all:
    pat.jones, sam.rivera (patients)   chris.jones (caregiver of pat.jones)
    dr.smith, dr.chen (clinicians)     nurse.lee (staff)
    comms.diaz (communications)        audit.kim (auditor)        admin.ito (admin)
  The staff-side users also give a code from an authenticator app: their keys are in README.md
  (two-step sign-in), e.g. oathtool --totp -b <key>.

  Logs: $logs/    Ctrl-C stops everything.
BANNER

wait "$wildfly_pid" || true

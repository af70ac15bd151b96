#!/usr/bin/env bash
# The crash-consistency soak of the send path (issue 9, point 4): sends messages through the API
# from several clients while WildFly is killed with kill -9 at random moments and restarted, then
# reconciles what the API confirmed with the database, the mail catcher, the queues and the audit
# chain. See docs/reliability.md. Not part of the Maven build: run it by hand on a built tree
# (`mvn -q package -DskipTests -DskipITs` first, as run.sh does).
#
#   portal-bench/soak/soak.sh [--db h2|postgresql] [--seconds 300] [--kills 10] [--record] [-- soak.py options]
#
#   --db h2          a fresh H2 file in the run's own server base folder (the demo's data is not touched)
#   --db postgresql  a fresh database "soak" at 127.0.0.1:5432 (user postgres), dropped and created here
#   --record         appends the run's table to docs/reliability.md
#   --mail-ports S,I,A  the mail catcher's SMTP, IMAP and web ports (default 3025,3143,8025)
#
# It uses the fixed ports of the demo and the tests (8080 8443 9990 8180 3025 3143 8025), so it holds
# /tmp/portal-it.lock for the whole run, and stops everything it started however it ends.
# Each run's files (sends.jsonl: every confirmed send; events.jsonl: kills and restarts; report.*;
# the server's logs) are in target/soak/<time>-<db>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
top=$PWD

db=h2
seconds=300
kills=10
record=no
mail_ports=3025,3143,8025
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --kills) kills=$2; shift 2 ;;
    --record) record=yes; shift ;;
    --mail-ports) mail_ports=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$db" in h2|postgresql) ;; *) echo "--db h2 or postgresql" >&2; exit 2 ;; esac
IFS=, read -r smtp_port imap_port api_port <<<"$mail_ports"
ports="8080 8443 9990 8180 $smtp_port $imap_port $api_port"

WILDFLY_VERSION=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
KEYCLOAK_VERSION=$(sed -n 's:.*<version.keycloak>\(.*\)</version.keycloak>.*:\1:p' pom.xml)
server="$top/portal-ear/target/server/wildfly-$WILDFLY_VERSION"
keycloak="$top/realm-config/target/keycloak-$KEYCLOAK_VERSION"
greenmail_jar="$top/portal-ear/target/mail-catcher/greenmail-standalone.jar"
for f in "$server/standalone/deployments/portal.ear" "$greenmail_jar" "$keycloak/bin/kc.sh"; do
  [ -e "$f" ] || { echo "No $f: build first (mvn -q package -DskipTests -DskipITs)" >&2; exit 1; }
done
# the H2 of the server's own module, to read its file after the run
h2_version=$(basename "$(ls "$server"/modules/system/layers/base/com/h2database/h2/main/h2-*.jar)" .jar)
h2_version=${h2_version#h2-}
h2_jar="$HOME/.m2/repository/com/h2database/h2/$h2_version/h2-$h2_version.jar"
[ -f "$h2_jar" ] || h2_jar=$(ls "$server"/modules/system/layers/base/com/h2database/h2/main/h2-*.jar)

run_dir="$top/target/soak/$(date -u +%Y%m%dT%H%M%SZ)-$db"
mkdir -p "$run_dir"
echo "Soak run folder: $run_dir"

# --- the shared lock of the fixed ports, for the whole run (servers started here inherit it)
exec 9>/tmp/portal-it.lock
if ! flock -n 9; then
  echo "Waiting for /tmp/portal-it.lock (an integration test or another run holds the ports)..."
  flock 9
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in $ports; do
  if port_open "$port"; then
    echo "Port $port is already in use; stop whatever listens there first." >&2
    exit 1
  fi
done

# --- stop everything this run started, whatever way it ends
cleanup() {
  set +e
  trap '' HUP INT TERM PIPE
  local pid
  if [ -n "${soak_pid:-}" ] && kill -0 "$soak_pid" 2>/dev/null; then
    kill -TERM "$soak_pid" 2>/dev/null
    sleep 1
  fi
  pid=$(cat "$run_dir/wildfly.pid" 2>/dev/null)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    timeout 30 "$server/bin/jboss-cli.sh" -c --command=":shutdown" >/dev/null 2>&1 \
      || kill -TERM -- "-$pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null
  fi
  bash "$top/realm-config/src/main/scripts/keycloak.sh" stop "$keycloak" >/dev/null 2>&1
  pid=$(cat "$run_dir/greenmail.pid" 2>/dev/null)
  if [ -n "$pid" ]; then
    kill -TERM -- "-$pid" 2>/dev/null
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null
  fi
  for port in $ports; do
    port_open "$port" && echo "Port $port is still open after the soak's clean-up!" >&2
  done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# --- a server base folder of the run's own (configuration and the EAR copied; fresh data, journal, logs)
base_dir="$run_dir/standalone"
mkdir -p "$base_dir"
cp -a "$server/standalone/configuration" "$server/standalone/deployments" "$base_dir/"
[ -d "$server/standalone/lib" ] && cp -a "$server/standalone/lib" "$base_dir/"
rm -rf "$base_dir/configuration/standalone_xml_history"
rm -f "$base_dir"/deployments/*.deployed "$base_dir"/deployments/*.failed "$base_dir"/deployments/*.isdeploying

# --- the database
export PORTAL_DEMO_DATA=true PORTAL_COOKIE_SECURE=false
if [ "$db" = postgresql ]; then
  dropdb -h 127.0.0.1 -U postgres --if-exists soak
  createdb -h 127.0.0.1 -U postgres soak
  export PORTAL_DB_DRIVER=postgresql
  export PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/soak"
  export PORTAL_DB_USER=postgres PORTAL_DB_PASSWORD=postgres
else
  unset PORTAL_DB_DRIVER PORTAL_DB_URL PORTAL_DB_USER PORTAL_DB_PASSWORD
fi

# --- the mail catcher and Keycloak, as run.sh starts them; they stay up for the whole run
# The mail catcher is started as mail-catcher.sh starts it (same jar and flags), with its ports
# chosen by --mail-ports (WildFly is told PORTAL_SMTP_PORT) and twice its heap: a soak sends thousands.
export PORTAL_SMTP_PORT=$smtp_port
setsid java -Xmx256m -Dgreenmail.hostname=127.0.0.1 \
  -Dgreenmail.smtp.port="$smtp_port" -Dgreenmail.imap.port="$imap_port" -Dgreenmail.auth.disabled \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$api_port" \
  -jar "$greenmail_jar" >"$run_dir/greenmail.log" 2>&1 </dev/null &
echo $! >"$run_dir/greenmail.pid"
for _ in $(seq 1 120); do
  port_open "$smtp_port" && port_open "$imap_port" && break
  sleep 0.25
done
port_open "$imap_port" || { echo "The mail catcher did not start; see $run_dir/greenmail.log" >&2; exit 1; }
bash "$top/realm-config/src/main/scripts/keycloak.sh" start "$keycloak" \
  "$top/realm-config/src/main/demo/portal-realm.json" 8180 >"$run_dir/keycloak-start.log" 2>&1 </dev/null \
  || { cat "$run_dir/keycloak-start.log" >&2; exit 1; }

# --- the soak itself (it starts, kills and restarts WildFly)
set +e
python3 "$top/portal-bench/soak/soak.py" --run-dir "$run_dir" --server "$server" --base-dir "$base_dir" \
  --db "$db" --h2-jar "$h2_jar" --imap-port "$imap_port" --seconds "$seconds" --kills "$kills" "${extra[@]}" \
  > >(tee "$run_dir/soak.log") 2>&1 &
soak_pid=$!
wait "$soak_pid"
rc=$?
set -e

if [ "$record" = yes ] && [ -f "$run_dir/report.md" ]; then
  commit=$(git rev-parse --short HEAD)
  code=$(git log -1 --format=%h -- portal-ejb portal-web portal-ear)
  dirty=$(git status --porcelain -- portal-ejb portal-web portal-ear | head -1)
  {
    echo
    echo "### $(date -u +'%Y-%m-%d %H:%M') UTC, $db, commit $commit (production code last changed in $code)${dirty:+ (with uncommitted changes)}"
    echo
    echo "\`portal-bench/soak/soak.sh --db $db --seconds $seconds --kills $kills\` (run folder \`${run_dir#$top/}\`)"
    echo
    cat "$run_dir/report.md"
  } >>"$top/docs/reliability.md"
fi
exit $rc

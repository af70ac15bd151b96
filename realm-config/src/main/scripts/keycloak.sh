#!/usr/bin/env bash
# Starts and stops the Keycloak that the demo and the tests use: the distribution that Maven unpacked
# into realm-config/target, in development mode on one port, with a fresh database into which the
# realm file is imported at every start (so the realm always matches realm-config/).
#
#   keycloak.sh start <keycloak-home> <realm-file> [port]   background; waits until the realm answers
#   keycloak.sh stop  <keycloak-home>                        stops it and waits until the port is free
set -euo pipefail

cmd=${1:?start or stop}
home=${2:?keycloak home}
pidfile="$home/keycloak.pid"
log="$home/keycloak.log"

java_for_keycloak() {
  # Keycloak 26 runs on Java 17 and later; prefer a newer JDK when one is installed.
  local candidate
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then echo "$candidate"; return; fi
  done
  echo "${JAVA_HOME:-}"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop() {
  if [ -f "$pidfile" ]; then
    local pid; pid=$(cat "$pidfile")
    # the pid file goes first: a new start may write its own while this stop is still waiting,
    # and must not lose it to this stop's clean-up
    rm -f "$pidfile"
    # kc.sh may stay a bash parent with a java child: end the whole process group.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
}

case "$cmd" in
  start)
    realm=${3:?realm file}
    port=${4:-8180}
    [ -x "$home/bin/kc.sh" ] || { echo "No Keycloak in $home: run the Maven build first" >&2; exit 1; }
    stop
    if port_open "$port"; then
      echo "Port $port is already in use: stop what listens there (another Keycloak?) first" >&2
      exit 1
    fi
    rm -rf "$home/data"
    mkdir -p "$home/data/import"
    cp "$realm" "$home/data/import/"
    jdk=$(java_for_keycloak)
    echo "Starting Keycloak on port $port (log: $log)"
    # setsid gives Keycloak its own process group, so stop can end kc.sh and its java child together.
    # A demo administrator for the admin console (development mode only; never in production).
    JAVA_HOME="$jdk" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
      KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-Demo-admin-2026}" \
      setsid "$home/bin/kc.sh" start-dev \
      --http-port="$port" --import-realm --http-management-port=$((port + 820)) \
      >"$log" 2>&1 < /dev/null &
    echo $! > "$pidfile"
    url="http://localhost:$port/realms/portal/.well-known/openid-configuration"
    # its first start builds Keycloak's configuration: minutes on two busy cores
    wait_seconds=${KEYCLOAK_START_SECONDS:-300}
    for _ in $(seq 1 $((wait_seconds * 2))); do
      if curl -fsS -o /dev/null "$url" 2>/dev/null; then
        echo "Keycloak is ready: http://localhost:$port/"
        exit 0
      fi
      if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        echo "Keycloak stopped while starting; the end of its log:" >&2
        tail -n 40 "$log" >&2
        exit 1
      fi
      sleep 0.5
    done
    echo "Keycloak did not answer $url within $wait_seconds s; the end of its log:" >&2
    tail -n 40 "$log" >&2
    stop
    exit 1
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: keycloak.sh start|stop <keycloak-home> [realm-file] [port]" >&2
    exit 2
    ;;
esac

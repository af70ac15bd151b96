#!/usr/bin/env bash
# Starts and stops the mail catcher that the demo and the integration tests send the portal's email
# to: GreenMail standalone, listening on 127.0.0.1 only, with SMTP on 3025 (where the server's mail
# session sends by default), IMAP on 3143 (any user name, any password: it reads every mailbox) and
# its web API on 8025 (its default, 8080, is WildFly's).
#
#   mail-catcher.sh start <greenmail-standalone.jar> <dir>   background; waits until SMTP and IMAP answer
#   mail-catcher.sh stop  <dir>                              stops it and waits until its ports are free
#
# <dir> holds its pid file and its log (greenmail.pid, greenmail.log).
set -euo pipefail

SMTP_PORT=3025
IMAP_PORT=3143
API_PORT=8025

cmd=${1:?start or stop}
case "$cmd" in
  start) jar=${2:?greenmail-standalone.jar}; dir=${3:?folder for the pid file and log} ;;
  stop) dir=${2:?folder of the pid file} ;;
  *)
    echo "usage: mail-catcher.sh start <greenmail-standalone.jar> <dir> | stop <dir>" >&2
    exit 2
    ;;
esac
pidfile="$dir/greenmail.pid"
log="$dir/greenmail.log"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop() {
  if [ -f "$pidfile" ]; then
    local pid; pid=$(cat "$pidfile")
    # the pid file goes first: a new start may write its own while this stop is still waiting,
    # and must not lose it to this stop's clean-up
    rm -f "$pidfile"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
}

case "$cmd" in
  start)
    [ -f "$jar" ] || { echo "No mail catcher at $jar: run the Maven build first" >&2; exit 1; }
    mkdir -p "$dir"
    stop
    for port in $SMTP_PORT $IMAP_PORT $API_PORT; do
      if port_open "$port"; then
        echo "Port $port is already in use: stop what listens there (another mail catcher?) first" >&2
        exit 1
      fi
    done
    echo "Starting the mail catcher: SMTP $SMTP_PORT, IMAP $IMAP_PORT, web API $API_PORT (log: $log)"
    # setsid gives it its own process group, so stop ends it whatever java's launcher does.
    setsid java -Xmx128m \
      -Dgreenmail.hostname=127.0.0.1 \
      -Dgreenmail.smtp.port=$SMTP_PORT -Dgreenmail.imap.port=$IMAP_PORT \
      -Dgreenmail.auth.disabled \
      -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=$API_PORT \
      -jar "$jar" >"$log" 2>&1 < /dev/null &
    echo $! > "$pidfile"
    for _ in $(seq 1 120); do
      if port_open $SMTP_PORT && port_open $IMAP_PORT && port_open $API_PORT; then
        echo "The mail catcher is ready"
        exit 0
      fi
      if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        echo "The mail catcher stopped while starting; its log:" >&2
        tail -n 40 "$log" >&2
        rm -f "$pidfile"
        exit 1
      fi
      sleep 0.25
    done
    echo "The mail catcher did not open its ports within 30 s; its log:" >&2
    tail -n 40 "$log" >&2
    stop
    exit 1
    ;;
  stop)
    [ -f "$pidfile" ] || exit 0
    stop
    for _ in $(seq 1 40); do
      port_open $SMTP_PORT || exit 0
      sleep 0.25
    done
    echo "Port $SMTP_PORT is still open after stopping the mail catcher" >&2
    exit 1
    ;;
esac

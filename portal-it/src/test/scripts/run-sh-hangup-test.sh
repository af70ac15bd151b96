#!/usr/bin/env bash
# Proves that everything ./run.sh starts stops when the terminal that runs it goes away (issue 8,
# point 19). Each case starts the whole demo, waits until it is ready, ends run.sh one way, and then
# polls until every port of the demo is free again (within a bound):
#
#   hup    run.sh in a terminal (a pseudo-terminal from script(1)) that is closed: the kernel hangs
#          up on it, and later writes to the terminal fail
#   pipe   run.sh printing into a pipe whose reader has gone, then stopped with SIGTERM: its
#          clean-up must survive printing into the dead pipe
#   kill   run.sh killed with SIGKILL, which runs no trap: its watchdog stops what it started
#
#   flock /tmp/portal-it.lock portal-it/src/test/scripts/run-sh-hangup-test.sh [hup] [pipe] [kill]
#
# With no argument it runs all three. It needs the demo's ports (8080 8443 9990 8180 3025 3143
# 8025), so run it under the integration tests' lock. Exit code 0: every case passed.
set -euo pipefail
top=$(cd "$(dirname "$0")/../../../.." && pwd)
ports=(8080 8443 9990 8180 3025 3143 8025)
work=$(mktemp -d)
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(hup pipe kill)

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
all_free() {
  local p
  for p in "${ports[@]}"; do port_open "$p" && return 1; done
  return 0
}
busy_ports() {
  local p out=""
  for p in "${ports[@]}"; do port_open "$p" && out="$out $p"; done
  echo "${out# }"
}
ready() {
  curl -fsS -o /dev/null http://localhost:8080/portal/health/ready 2>/dev/null \
    && port_open 8180 && port_open 3025
}
# await <seconds> <what> <command...>: polls the command until it succeeds, or fails the case
await() {
  local limit=$1 what=$2
  shift 2
  local deadline=$((SECONDS + limit))
  until "$@"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "FAIL: $what, not within ${limit} s" >&2
      return 1
    fi
    sleep 0.5
  done
}
gone() { ! kill -0 "$1" 2>/dev/null; }
no_run_sh() { ! pgrep -f -- "$top/run\\.sh" >/dev/null; }
# await_ready <pid> <output file or ""> <what>: polls until the demo is ready; fails at once if the
# process that runs it ends first (a failed build, a port in use), showing its output
await_ready() {
  local pid=$1 output=$2 what=$3
  local deadline=$((SECONDS + 900))
  until ready; do
    if gone "$pid" || [ "$SECONDS" -ge "$deadline" ]; then
      echo "FAIL: $what: run.sh ended or timed out before the demo was ready" >&2
      [ -n "$output" ] && tail -n 30 "$output" >&2
      return 1
    fi
    sleep 0.5
  done
}
# what is left after a failed case is stopped as the integrator's stop script would
leftovers() {
  echo "still listening: $(busy_ports)" >&2
  bash "$top/realm-config/src/main/scripts/keycloak.sh" stop "$top"/realm-config/target/keycloak-* || true
  bash "$top/portal-ear/src/main/scripts/mail-catcher.sh" stop "$top/target/run" || true
  "$top"/portal-ear/target/server/wildfly-*/bin/jboss-cli.sh -c --command=:shutdown >/dev/null 2>&1 || true
}

start_checks() {
  # the run.sh of an earlier case may still be finishing its clean-up after the ports closed
  if ! await 120 "no run.sh of this checkout still running" no_run_sh; then
    echo "FAIL: a run.sh of an earlier case is still running" >&2
    exit 1
  fi
  # a server of an earlier run (or case) may still be closing its ports
  if ! await 60 "the demo's ports free before the case" all_free; then
    echo "FAIL: ports in use before the test: $(busy_ports)" >&2
    exit 1
  fi
}

case_hup() {
  # script(1) gives run.sh a terminal; killing script closes it, as closing the window does
  setsid script -qfec "bash '$top/run.sh'" "$work/hup.typescript" </dev/null >/dev/null 2>&1 &
  local terminal=$!
  await_ready "$terminal" "$work/hup.typescript" "the demo in a terminal" || return 1
  kill -KILL "$terminal"
  await 120 "every port free after the terminal closed" all_free
}

case_pipe() {
  # the reader stops reading after the banner's last line, so the pipe is dead when run.sh stops
  setsid bash -c 'echo $$ >"$1"; exec bash "$2"' _ "$work/pipe.pid" "$top/run.sh" 2>&1 \
    | tee "$work/pipe.out" | sed -n '/stops everything/q' &
  local reader=$!
  await 30 "run.sh started" test -s "$work/pipe.pid" || return 1
  await_ready "$(cat "$work/pipe.pid")" "$work/pipe.out" "the demo with its output in a pipe" \
    || return 1
  await 60 "the reader gone" gone "$reader" || return 1
  kill -TERM "$(cat "$work/pipe.pid")"
  await 120 "every port free after run.sh stopped with a dead stdout" all_free
}

case_kill() {
  setsid bash "$top/run.sh" >"$work/kill.out" 2>&1 </dev/null &
  local run=$!
  await_ready "$run" "$work/kill.out" "the demo" || return 1
  kill -KILL "$run"
  await 120 "every port free after run.sh was killed (its watchdog)" all_free
}

failed=0
for c in "${cases[@]}"; do
  start_checks
  echo "--- $c: starting the demo ($(date -u +%T))"
  started=$SECONDS
  if "case_$c"; then
    echo "--- $c: OK, every port free ($((SECONDS - started)) s)"
  else
    failed=1
    leftovers
  fi
done
if [ "$failed" = 0 ]; then rm -rf "$work"; else echo "outputs kept in $work" >&2; fi
exit "$failed"

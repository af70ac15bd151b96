#!/usr/bin/env bash
# Proves that a build without the tests leaves the demo alone (issue 8, point 18): it plants a marker
# in the demo server's data folder (where its database, key stores and checkpoints live), runs the
# build through the integration-test phases with -DskipTests, and checks that the marker is still
# there and that no server of the tests was started.
#
#   portal-it/src/test/scripts/build-keeps-demo-data-test.sh [extra Maven arguments]
#
# Exit code 0: the demo's data is untouched; 1: the build wiped it or started servers.
set -euo pipefail
cd "$(dirname "$0")/../../../.."

version=$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)
data="portal-ear/target/server/wildfly-$version/standalone/data/portal"
mkdir -p "$data"
marker="$data/build-keeps-demo-data.marker"
echo "planted by $0 at $(date -u +%FT%TZ)" >"$marker"
trap 'rm -f "$marker"' EXIT

mvn -B -q verify -DskipTests "$@"

if [ ! -f "$marker" ]; then
  echo "FAIL: mvn verify -DskipTests removed the demo's data ($data)" >&2
  exit 1
fi
started=$(find portal-it/target -maxdepth 2 \( -name wildfly.log -o -name greenmail.log -o -name server \) \
  -newer "$marker" -print -quit 2>/dev/null || true)
if [ -n "$started" ]; then
  echo "FAIL: mvn verify -DskipTests started the tests' servers ($started)" >&2
  exit 1
fi
echo "OK: a build with -DskipTests left the demo's data untouched and started no server"

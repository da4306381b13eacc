#!/usr/bin/env bash
# Startup: time from launching the server jar (already built) on the bundled sample program to the first 200 on
# /healthz, loopback only. Usage: jqsi-bench/startup.sh [runs]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/jqsi-server/target/jqsi-server.jar"
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
port=18181
for _ in $(seq 1 "${1:-3}"); do
  t0=$(date +%s%N)
  java -jar "$jar" serve --host=127.0.0.1 --port="$port" > /dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.02; done
  t1=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "startup to first 200: $(( (t1 - t0) / 1000000 )) ms (cores=$(nproc) load=$(cut -d' ' -f1 /proc/loadavg))"
done

#!/usr/bin/env bash
# Load test of jqsi-server on loopback with wrk (Debian: apt-get install -y wrk), each run bounded in time.
#   jqsi-bench/load.sh [size] [seconds] [connections]     results in jqsi-bench/target/load-<date>.txt
# Starts org.jqsi.bench.LoadServer (the real server, a generated program, and /fixed: the same number of bytes as a
# widget page, precomputed: the practical limit of the machine), measures each URL, stops the server at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
size=${1:-10000}; secs=${2:-10}; conns=${3:-16}; port=18080
jar="$here/target/benchmarks.jar"
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
out="$here/target/load-$(date -u +%Y%m%dT%H%M%SZ).txt"
log="$here/target/load-server.log"
java -Xmx1g -cp "$jar" org.jqsi.bench.LoadServer "$size" "$port" > "$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q '^ready' "$log" && break; sleep 1; done
grep -q '^ready 200' "$log" || { echo "server did not start:" >&2; tail "$log" >&2; exit 1; }
base="http://127.0.0.1:$port"
page="$base/widget/?edition=jqsi-2021"
etag=$(curl -s -D - -o /dev/null "$page" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
{
  echo "# $(date -u +%FT%TZ) cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) size=$size ${secs}s c=$conns t=2"
  run() {
    name=$1; shift
    echo "## $name"
    wrk -t2 -c"$conns" -d"${secs}s" --latency "$@" | grep -E 'Requests/sec|Latency|50%|90%|99%|Non-2xx'
  }
  run fixed "$base/fixed/"
  run widget "$page"
  run widget-304 -H "If-None-Match: $etag" "$page"
  run ics-region "$base/widget/feed.ics?edition=all&region=06"
  run json-feed "$base/widget/feed.json?edition=all&region=06"
  run fixed-again "$base/fixed/"
} | tee "$out"

#!/usr/bin/env bash
# Load test of jqsi-server on loopback with wrk (Debian: apt-get install -y wrk), each run bounded in time.
#   [ROUNDS=3] jqsi-bench/load.sh [size] [seconds] [connections]   results in jqsi-bench/target/load-<date>.txt
# Starts org.jqsi.bench.LoadServer (the real server, a generated program, and /fixed/: the bytes of a widget page, a
# region .ics and a JSON feed, precomputed: the practical limit of the machine for a response of each size), measures
# each route against its own limit, stops the server at the end. `widget-distinct` asks a different filter combination
# on every request (distinct.lua), so that the widget renders nearly every page afresh: compared with /fixed/page too.
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
rounds=${ROUNDS:-3}
# Warm-up, not counted: the JIT compiles the rendering path, and the widget keeps the cards of the lists asked for
# (its steady state once serving). Without it, round 1's widget-distinct measured mostly a JVM compiling.
wrk -t2 -c"$conns" -d"${secs}s" -s "$here/distinct.lua" "$base" > /dev/null
{
  echo "# $(date -u +%FT%TZ) cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) size=$size ${secs}s c=$conns t=2 rounds=$rounds"
  echo "# $(grep '^ready' "$log")"
  run() {
    name=$1; shift
    echo "## $name"
    wrk -t2 -c"$conns" -d"${secs}s" --latency "$@" | grep -E 'Requests/sec|Transfer/sec|Latency|50%|90%|99%|Non-2xx|Socket errors'
  }
  # The machine is shared: each route alternates with the precomputed bytes of its own size and type, several
  # rounds, so that both see the same background load; the ratio of the medians is what counts.
  for round in $(seq 1 "$rounds"); do
    run fixed-page "$base/fixed/page"
    run widget "$page"
    run widget-304 -H "If-None-Match: $etag" "$page"
    run widget-distinct -s "$here/distinct.lua" "$base"
    run fixed-ics "$base/fixed/ics"
    run ics-region "$base/widget/feed.ics?edition=all&region=06"
    run fixed-json "$base/fixed/json"
    run json-feed "$base/widget/feed.json?edition=all&region=06"
  done
} | tee "$out"
awk '/^## /{name=$2} /Requests\/sec/{print name, $2}' "$out" | sort -k1,1 -k2,2n | awk '
  { v[$1, ++n[$1]] = $2 }
  END {
    for (k in n) median[k] = v[k, int((n[k] + 1) / 2)]
    for (k in n) printf "median %-12s %8.0f req/s\n", k, median[k]
    printf "ratio widget/fixed-page      %.0f %%\n", 100 * median["widget"] / median["fixed-page"]
    printf "ratio widget-304/fixed-page  %.0f %%\n", 100 * median["widget-304"] / median["fixed-page"]
    printf "ratio widget-distinct/fixed-page  %.0f %%\n", 100 * median["widget-distinct"] / median["fixed-page"]
    printf "ratio ics-region/fixed-ics   %.0f %%\n", 100 * median["ics-region"] / median["fixed-ics"]
    printf "ratio json-feed/fixed-json   %.0f %%\n", 100 * median["json-feed"] / median["fixed-json"]
  }' | sort | tee -a "$out"

#!/usr/bin/env bash
# Startup: time from `./jqsi serve` on the bundled sample program to the first 200 on /healthz, loopback only; then
# how long the first widget page and the first .ics feed take right after (the calendar time zones load in the
# background once the server is up, so that first feed may wait for them).
#   jqsi-bench/startup.sh [runs]
# The first run after a build records the class-data-sharing archive that the launcher uses from then on, so it is
# reported apart; then each round times the launcher and plain `java -jar` (no archive) one after the other, on the
# same background load.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/jqsi-server/target/jqsi-server.jar"
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
port=18181
serve() {
  local t0 t1 pid
  t0=$(date +%s%N)
  "$@" --host=127.0.0.1 --port="$port" > /dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.01; done
  t1=$(date +%s%N)
  page=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/widget/")
  ics=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/widget/feed.ics")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) ms (then page ${page}s, .ics ${ics}s)"
}
rm -f "${jar%.jar}.jsa"
echo "first run after a build (records the archive): $(serve "$root/jqsi" serve)"
for _ in $(seq 1 "${1:-3}"); do
  echo "./jqsi serve: $(serve "$root/jqsi" serve)   java -jar: $(serve java -jar "$jar" serve)" \
    "(cores=$(nproc) load=$(cut -d' ' -f1 /proc/loadavg))"
done

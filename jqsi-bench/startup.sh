#!/usr/bin/env bash
# Startup: time from `./jqsi serve` to the first 200 on /healthz, loopback only, and the CPU time the process had
# used by then (user + system, from /proc: less sensitive than the wall time to what else runs on the machine); then
# how long the first widget page and the first .ics feed take right after (the calendar time zones load in the
# background once the server is up, so that first feed may wait for them).
#   jqsi-bench/startup.sh [runs]                       the bundled sample program
#   PROGRAM=program.json jqsi-bench/startup.sh [runs]  another program file (its size is printed beside the times)
# The server keeps its embedded database in a data directory of its own under jqsi-bench/target, made afresh by the
# first run: that run is a first start (the database created, its schema migrated) and records the class-data-sharing
# archive that the launcher uses from then on, so it is reported apart. Every later run is the usual start: a
# database whose schema is current. Each round times the launcher and plain `java -jar` (no archive) one after the
# other, on the same background load; the medians come last, with the cores and the load.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/jqsi-server/target/jqsi-server.jar"
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
port=18181
data="$root/jqsi-bench/target/startup-data"
rm -rf "$data"
mkdir -p "$data"
program=()
[ -n "${PROGRAM:-}" ] && program=(--program="$(cd "$(dirname "$PROGRAM")" && pwd)/$(basename "$PROGRAM")")
tick=$(getconf CLK_TCK)
serve() {
  local t0 t1 pid cpu page ics activities
  t0=$(date +%s%N)
  JQSI_DATA="$data" "$@" serve --host=127.0.0.1 --port="$port" "${program[@]}" > /dev/null 2>&1 &
  pid=$!
  until activities=$(curl -sf "http://127.0.0.1:$port/healthz" 2>/dev/null); do
    kill -0 "$pid" 2>/dev/null || { echo "the server stopped before answering" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  # utime + stime, fields 14 and 15 of /proc/PID/stat (the name in field 2 holds no space: java).
  cpu=$(awk -v tick="$tick" '{ printf "%d", ($14 + $15) * 1000 / tick }' "/proc/$pid/stat")
  activities=$(printf '%s' "$activities" | sed -n 's/.*"activities":\([0-9]*\).*/\1/p')
  page=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/widget/")
  ics=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/widget/feed.ics")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $cpu $activities $page $ics"
}
say() {  # wall cpu activities page ics
  echo "$1 ms (CPU $2 ms; $3 activities; then page $4 s, .ics $5 s)"
}
median() {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
rm -f "${jar%.jar}.jsa"
echo "first start, new database (records the archive): $(say $(serve "$root/jqsi"))"
launcher=() launcher_cpu=() plain=() plain_cpu=()
for _ in $(seq 1 "${1:-3}"); do
  read -r wall cpu activities page ics < <(serve "$root/jqsi")
  launcher+=("$wall") launcher_cpu+=("$cpu")
  a="./jqsi serve: $(say "$wall" "$cpu" "$activities" "$page" "$ics")"
  read -r wall cpu activities page ics < <(serve java -jar "$jar")
  plain+=("$wall") plain_cpu+=("$cpu")
  echo "$a   java -jar: $(say "$wall" "$cpu" "$activities" "$page" "$ics")" \
    "(cores=$(nproc) load=$(cut -d' ' -f1 /proc/loadavg))"
done
echo "median ./jqsi serve: $(printf '%s\n' "${launcher[@]}" | median) ms, CPU $(printf '%s\n' "${launcher_cpu[@]}" \
  | median) ms; java -jar: $(printf '%s\n' "${plain[@]}" | median) ms, CPU $(printf '%s\n' "${plain_cpu[@]}" \
  | median) ms; $activities activities, cores=$(nproc), load $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# jqsi validate and export --format ics of a program file of N activities (default 1,000,000, about 176 MB), each in a
# child JVM with a bounded heap, with its time and its peak resident memory (GNU time's "Maximum resident set size").
# Targets (#22 item 7) for 1,000,000 activities: validate under -Xmx896m with < 1 GB resident, export --format ics
# under -Xmx384m with < 512 MB resident. Needs `mvn -DskipTests package` first (benchmarks.jar and jqsi-server.jar).
# The JVM gets -XX:+UseSerialGC, as ./jqsi gives validate and export; STREAM_JAVA_OPTS replaces it (e.g. -XX:+UseG1GC).
#   jqsi-bench/stream.sh [activities] [validate heap] [export heap]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
n=${1:-1000000}
validate_heap=${2:-896m}
export_heap=${3:-384m}
bench="$here/target/benchmarks.jar"
server="$here/../jqsi-server/target/jqsi-server.jar"
out="$here/target/stream"
mkdir -p "$out"
program="$out/program-$n.json"
if [ ! -f "$program" ]; then
  java -cp "$bench" org.jqsi.bench.LargeProgramFile "$n" "$program"
fi
echo "program: $program, $(stat -c %s "$program") bytes; $(nproc) cores; $(java -version 2>&1 | head -n 1)"

run() {
  local name=$1 heap=$2
  shift 2
  echo "== $name, -Xmx$heap, load before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
  /usr/bin/time -f "$name: exit %x, %e s wall, %U s user, %S s system, max resident %M KB" \
    java -Xmx"$heap" ${STREAM_JAVA_OPTS:--XX:+UseSerialGC} -jar "$server" "$@" 2>&1 | tail -n 3
}

run validate "$validate_heap" validate --lang en "$program"
run "export ics" "$export_heap" export --format ics --lang en -o "$out/program-$n.ics" "$program"
echo "events written: $(grep -c '^BEGIN:VEVENT' "$out/program-$n.ics")"

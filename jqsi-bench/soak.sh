#!/usr/bin/env bash
# Soak of the real server, loopback only, bounded: wrk requests the widget's pages and feeds without pause while the
# program file is changed many times, alternately to a valid new version and a broken one (JSON cut in half, or a
# duplicate activity id), and in turn in three ways: replaced atomically (written beside it, then mv), overwritten in
# place (cat > program.json: the same inode), and overwritten in place in two halves 2 s apart (dd conv=notrunc), which
# the server must never load in between (issue 22). Fails (exit 1) unless:
#   - no socket error, no non-200, no 5xx, and every response names a version and shows that version's content
#     only (soak.lua), the version each marker came with being the one /healthz reported after that replacement;
#   - no reload happens between the two halves of a write in two halves (0 versions that no file held);
#   - every broken version is refused (/healthz lastReload.applied=false, with errors, version unchanged) and
#     logged (a WARN "refused" line in the server's log), and every valid one is served;
#   - the heap used after a full GC does not grow from the first half of the run to the second.
# Usage: jqsi-bench/soak.sh [seconds=60] [replacements=9] [connections=8]
# (A change in place is loaded once the file has been still for 3 s: a replacement takes up to ~6 s.)
# Needs the server jar (mvn -q -DskipTests -pl jqsi-server -am package), wrk (Debian: wrk), jq, jcmd, jstat, curl.
# Prints a summary; the server log, wrk's output and the heap samples stay in jqsi-bench/target/soak-*.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}; replacements=${2:-9}; conns=${3:-8}; port=${SOAK_PORT:-18383}
jar="$root/jqsi-server/target/jqsi-server.jar"
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests -pl jqsi-server -am package" >&2; exit 2; }
for tool in wrk jq jcmd jstat curl unzip; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done

out="$root/jqsi-bench/target/soak-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
work=$(mktemp -d)
program="$work/program.json"
base="http://127.0.0.1:$port"
pid=""
cleanup() {
  [ -n "${wrk_pid:-}" ] && kill "$wrk_pid" 2>/dev/null
  [ -n "${heap_pid:-}" ] && kill "$heap_pid" 2>/dev/null
  if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
    # The server stops gracefully on SIGTERM; give it the stop timeout, then no more.
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The bundled sample with "Loin de Bachar" retitled: that activity is on every page and feed requested.
unzip -p "$jar" org/jqsi/json/sample/program.json > "$work/sample.json"
valid() {
  jq --arg t "Soak version $1" \
    '(.activities[] | select(.id == "loin-de-bachar-2020") | .title) = {fr: $t, en: $t}' "$work/sample.json"
}
broken() {
  if (( $1 % 4 == 1 )); then
    valid "$1" > "$work/whole.json"
    head -c $(( $(wc -c < "$work/whole.json") / 2 )) "$work/whole.json"
  else
    # Valid JSON, refused by validation; its marker would show if it were served.
    valid "$1" | jq '.activities[1].id = .activities[0].id'
  fi
}
health() { curl -sf --max-time 5 "$base/healthz"; }

# Every version written beforehand: during the run, a replacement is a copy and a rename.
valid 0 > "$program"
for r in $(seq 1 "$replacements"); do
  if (( r % 2 == 0 )); then valid "$r"; else broken "$r"; fi > "$work/v$r.json"
done
java -Xmx256m -jar "$jar" serve --lang=en --host=127.0.0.1 --port="$port" --program="$program" --reload-interval=0.1 \
  > "$out/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do health >/dev/null 2>&1 && break; sleep 0.5; done
health >/dev/null || { echo "server did not start:" >&2; tail "$out/server.log" >&2; exit 1; }

declare -A expected   # version hash -> marker, from /healthz
expected[$(health | jq -r .programVersion)]=0

# Old generation used right after a full GC, about every 2 s (jcmd and jstat take a second each) ("seconds-since-start KiB"): after System.gc() the live
# objects are all in the old generation, and the young allocations of the requests running meanwhile do not blur it.
start=$(date +%s)
(
  while kill -0 "$pid" 2>/dev/null; do
    timeout 20 jcmd "$pid" GC.run >/dev/null 2>&1 || break
    used=$(timeout 20 jstat -gc "$pid" 2>/dev/null | awk 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == "OU") c = i}
      NR == 2 {printf "%d", $c}')
    echo "$(( $(date +%s) - start )) $used"
    sleep 1
  done
) > "$out/heap.txt" &
heap_pid=$!

wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s -s "$root/jqsi-bench/soak.lua" "$base" > "$out/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 1

failures=()
refused=0; applied=0; renamed=0; in_place=0; halves=0; mixed=0; slow=0; extra_refused=0
# One line of /healthz: reload time, applied, number of errors, version served.
state() { health | jq -r '[.lastReload.at, .lastReload.applied, (.lastReload.errors | length), .programVersion] | @tsv'; }
# Replacement r is due at r/(replacements+1) of the run (less 3 s for the end), whatever the previous ones took.
t0=$(date +%s%N)
span=$(( (secs - 3) * 1000000000 ))
for r in $(seq 1 "$replacements"); do
  wait_ns=$(( t0 + span * r / (replacements + 1) - $(date +%s%N) ))
  (( wait_ns > 0 )) && sleep "$(awk -v n="$wait_ns" 'BEGIN {printf "%.3f", n / 1e9}')"
  read -r at _ _ version_before < <(state)
  # Reloads are counted in the server's log (one line each, written after /healthz has changed): a reload between the
  # two halves of a write is seen there even when the next one follows it at once.
  reloads=$(grep -c 'ProgramWatcher' "$out/server.log" || true)
  case $(( r % 3 )) in
    0) cp "$work/v$r.json" "$program.next"; mv -f "$program.next" "$program"; renamed=$((renamed + 1)) ;;
    1) cat "$work/v$r.json" > "$program"; in_place=$((in_place + 1)) ;;
    2)
      size=$(wc -c < "$work/v$r.json"); half=$(( size / 2 ))
      head -c "$half" "$work/v$r.json" | dd of="$program" conv=notrunc status=none
      first=$(date +%s%N)
      sleep 2
      between=$(( $(grep -c 'ProgramWatcher' "$out/server.log" || true) - reloads ))
      tail -c +"$((half + 1))" "$work/v$r.json" | dd of="$program" bs=1M seek="$half" oflag=seek_bytes \
        iflag=fullblock conv=notrunc status=none
      truncate -s "$size" "$program"
      gap_ms=$(( ($(date +%s%N) - first) / 1000000 ))
      halves=$((halves + 1))
      if (( between > 0 )); then
        if (( gap_ms < 3000 )); then
          mixed=$((mixed + 1)); failures+=("replacement $r: reloaded between two halves ${gap_ms} ms apart")
        else
          # This machine made the pause longer than the quiet period: the half file was refused or loaded as any
          # file still for 3 s would be; the version is not counted.
          slow=$((slow + 1)); reloads=$((reloads + between))
          grep 'ProgramWatcher' "$out/server.log" | tail -n "$between" | grep -q 'WARN' && extra_refused=$((extra_refused + between))
        fi
      fi ;;
  esac
  for _ in $(seq 1 300); do
    (( $(grep -c 'ProgramWatcher' "$out/server.log" || true) > reloads )) && break
    sleep 0.05
  done
  read -r now applied_now errors_now version_now < <(state)
  if [ "$now" == "$at" ]; then
    failures+=("replacement $r: not reloaded within 15 s"); continue
  fi
  if (( r % 2 == 0 )); then
    if [ "$applied_now" != true ]; then
      failures+=("replacement $r (valid) not applied: $(health)"); continue
    fi
    expected[$version_now]=$r
    applied=$((applied + 1))
  else
    if [ "$applied_now" != false ] || [ "$errors_now" -eq 0 ] || [ "$version_now" != "$version_before" ]; then
      failures+=("replacement $r (broken) not refused: $(health)"); continue
    fi
    refused=$((refused + 1))
  fi
done
kill -0 "$wrk_pid" 2>/dev/null || failures+=("the replacements outlasted wrk: some ran without load")
wait "$wrk_pid" || failures+=("wrk failed: $(tail -3 "$out/wrk.txt")")
wrk_pid=""
kill "$heap_pid" 2>/dev/null; wait "$heap_pid" 2>/dev/null || true
heap_pid=""

# What wrk and the Lua checks saw.
count() { awk -v k="$1" '$1 == "count" && $2 == k {print $3}' "$out/wrk.txt"; }
requests=$(awk '$1 == "total" && $2 == "requests" {print $3}' "$out/wrk.txt")
rps=$(awk '/^Requests\/sec/ {print $2}' "$out/wrk.txt")
read -r _ _ sock_connect _ sock_read _ sock_write _ sock_timeout _ sock_status < <(grep '^socket' "$out/wrk.txt")
socket_errors=$((sock_connect + sock_read + sock_write + sock_timeout))
[ "$socket_errors" -eq 0 ] || failures+=("socket errors: $(grep '^socket' "$out/wrk.txt")")
for key in not_ok_status server_errors no_version inconsistent conflicts; do
  [ "$(count "$key")" -eq 0 ] || failures+=("$key: $(count "$key")")
done
grep '^problem' "$out/wrk.txt" | head -5 || true
[ "$(count ok)" -gt 0 ] && [ "$(count ok)" -eq "$requests" ] || failures+=("consistent $(count ok) of $requests")
while read -r _ version marker; do
  [ "${expected[$version]:-}" == "$marker" ] \
    || failures+=("version $version came with marker $marker, /healthz said ${expected[$version]:-nothing}")
done < <(grep '^map ' "$out/wrk.txt")
served_markers=$(grep -c '^map ' "$out/wrk.txt" || true)
# Each valid version stays up for two replacement periods: wrk must have been served every one of them.
[ "$served_markers" -eq $((applied + 1)) ] || failures+=("versions served: $served_markers of $((applied + 1))")

# Every broken version refused in the log, too.
logged=$(grep -c 'WARN.*refused' "$out/server.log" || true)
[ "$logged" -eq $((refused + extra_refused)) ] || failures+=("broken versions logged as refused: $logged, refused: $refused")
[ $((refused + applied)) -eq "$replacements" ] || failures+=("replacements survived: $((refused + applied)) of $replacements")

# Heap: the median of the second half may not exceed the first half's largest (first sample left out: warm-up)
# by more than 25 % + 16 MiB; a leak of a program per reload or a response per request grows past that.
mapfile -t heap < <(awk '{print $2}' "$out/heap.txt")
n=${#heap[@]}
if (( n < 4 )); then
  failures+=("only $n heap samples")
else
  half=$((n / 2))
  first_max=$(printf '%s\n' "${heap[@]:1:half-1}" | sort -n | tail -1)
  second_median=$(printf '%s\n' "${heap[@]:half}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  limit=$((first_max + first_max / 4 + 16384))
  (( second_median <= limit )) || failures+=("heap grew: second-half median ${second_median} KiB > ${limit} KiB")
fi

cat <<EOF | tee "$out/summary.txt"
soak $(date -u +%FT%TZ) cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) ${secs}s c=$conns
requests: $requests ($rps req/s), consistent: $(count ok), non-200: $(count not_ok_status), 5xx: $(count server_errors), socket errors: $socket_errors
replacements: $replacements (renamed $renamed, in place $in_place, in two halves $halves), valid applied: $applied, broken refused: $refused (logged: $logged), versions served: $served_markers, reloads between two halves (versions no file held): $mixed, halves paused longer than 3 s by the machine: $slow
heap after GC (KiB): first half max ${first_max:-?}, second half median ${second_median:-?}, samples: $(awk '{printf "%d ", $2 / 1024}' "$out/heap.txt")MiB
EOF
if (( ${#failures[@]} > 0 )); then
  printf 'FAILED: %s\n' "${failures[@]}" | tee -a "$out/summary.txt"
  exit 1
fi
echo "PASSED (details in $out)" | tee -a "$out/summary.txt"

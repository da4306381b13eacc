#!/usr/bin/env bash
# The whole JMH suite for two builds, back to back on the same machine (#23 target 6: nothing regresses).
#   jqsi-bench/suite.sh BEFORE.jar [AFTER.jar]        AFTER defaults to this checkout's jqsi-bench/target/benchmarks.jar
# Each benchmark runs with BEFORE, then at once with AFTER, so that a pair sees the same background load; a benchmark
# that one build does not have runs alone. JMH_OPTS shortens the runs (default: 1 fork, 2 warm-up and 3 measured
# iterations of 1 s each, enough for a ratio, not for a headline figure). Results: a table of every benchmark and
# parameter set with both scores, the ratio AFTER/BEFORE (below 1: faster) and the load, in
# jqsi-bench/target/suite-<date>.txt; JMH's CSV files beside it.
# FILTER (a regular expression) runs only the benchmarks whose names match it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
before=${1:?usage: suite.sh BEFORE.jar [AFTER.jar]}
after=${2:-$here/target/benchmarks.jar}
for jar in "$before" "$after"; do
  [ -f "$jar" ] || { echo "no such jar: $jar (build first: mvn -DskipTests package)" >&2; exit 1; }
done
opts=${JMH_OPTS:--f 1 -wi 2 -i 3 -w 1s -r 1s}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dir="$here/target/suite-$stamp"
mkdir -p "$dir"
out="$here/target/suite-$stamp.txt"
list() { java -jar "$1" -l 2>/dev/null | grep '^org\.jqsi\.' || true; }
benchmarks=$(sort -u <(list "$before") <(list "$after") | grep -E "${FILTER:-.}")
echo "# $(date -u +%FT%TZ) cores=$(nproc) jmh='$opts' before=$before after=$after" | tee "$out"
for name in $benchmarks; do
  for side in before after; do
    jar=$before; [ "$side" = after ] && jar=$after
    list "$jar" | grep -qx "$name" || continue
    load=$(cut -d' ' -f1 /proc/loadavg)
    # ^...$: JMH takes a regular expression; the name alone would also match longer names that start with it.
    # shellcheck disable=SC2086
    java -jar "$jar" "^${name//./\\.}\$" $opts -rf csv -rff "$dir/$name-$side.csv" > "$dir/$name-$side.log" 2>&1 \
      || echo "# $name ($side) failed: see $dir/$name-$side.log" | tee -a "$out"
    echo "$load" > "$dir/$name-$side.load"
  done
done
# One line per benchmark and parameter set: JMH's CSV gives Benchmark, Mode, Threads, Samples, Score, Error, Unit,
# then one column per parameter.
{
  printf '| benchmark (params) | unit | before | after | after/before | load before / after |\n'
  printf '| --- | --- | --- | --- | --- | --- |\n'
  for name in $benchmarks; do
    b="$dir/$name-before.csv"; a="$dir/$name-after.csv"
    lb=$(cat "$dir/$name-before.load" 2>/dev/null || echo -); la=$(cat "$dir/$name-after.load" 2>/dev/null || echo -)
    awk -F',' -v side=before -v lb="$lb" -v la="$la" '
      FNR == 1 { side = (FILENAME ~ /-before\.csv$/) ? "before" : "after"; gsub(/"|Param: /, "")
                 for (i = 8; i <= NF; i++) param[i] = $i; next }
      { gsub(/"/, ""); key = $1; sub(/^org\.jqsi\.bench\./, "", key)
        for (i = 8; i <= NF; i++) key = key (i == 8 ? " " : ", ") param[i] "=" $i
        unit[key] = $7; score[key, side] = sprintf("%.4g ± %.2g", $5, $6); raw[key, side] = $5; keys[key] = 1 }
      END { for (k in keys) {
              r = (raw[k, "before"] > 0 && raw[k, "after"] > 0) ? sprintf("%.2f", raw[k, "after"] / raw[k, "before"]) : "-"
              printf "| %s | %s | %s | %s | %s | %s / %s |\n", k, unit[k], (score[k, "before"] ? score[k, "before"] : "-"),
                (score[k, "after"] ? score[k, "after"] : "-"), r, lb, la } }' \
      $( [ -f "$b" ] && echo "$b" ) $( [ -f "$a" ] && echo "$a" ) | sort
  done
} | tee -a "$out"
echo "# ended $(date -u +%FT%TZ) load=$(cut -d' ' -f1-3 /proc/loadavg); written to $out"

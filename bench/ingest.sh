#!/usr/bin/env bash
# End-to-end ingest speed: `corridor ingest CASE FILE` into a fresh case (vault copy,
# reader, extraction, statements into case.db, audit), on a synthetic Telegram Desktop
# export and an AMLworld payments CSV of N records each (bench/ingest_corpus.py, fixed seed,
# generated once under bench/out/). Prints records/s and peak RSS (GNU time -v) against
# the targets: >= 100,000 records/s on 2 cores, <= 500 MB.
# Usage: bench/ingest.sh [CORRIDOR_BINARY] (default build/release/corridor); N from the
# environment (default 1000000).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/corridor}
n=${N:-1000000}
[[ -x $bin ]] || { echo "no corridor binary at $bin (build it: cmake --build BUILD --target corridor)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || scripts/install-deps.sh --bench
export CORRIDOR_NO_PROGRESS=1

out=bench/out/ingest-$n
mkdir -p "$out/telegram"
tg=$out/telegram/result.json
aml=$out/amlworld.csv
[[ -s $tg ]] || /usr/bin/python3 bench/ingest_corpus.py telegram "$tg.part" "$n"
[[ -s $tg ]] || mv "$tg.part" "$tg"
[[ -s $aml ]] || /usr/bin/python3 bench/ingest_corpus.py amlworld "$aml.part" "$n"
[[ -s $aml ]] || mv "$aml.part" "$aml"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "binary: $bin"

fail=0
run() {  # label file unit
  local label=$1 file=$2 unit=$3 case_dir=$out/$1.case
  rm -rf "$case_dir"
  "$bin" case init "$case_dir" --title "ingest bench $label" --examiner bench > /dev/null
  /usr/bin/time -v -o "$out/$label.time" "$bin" ingest "$case_dir" "$file" > "$out/$label.log"
  local secs kb statements
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
                      for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/$label.time")
  kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/$label.time")
  statements=$(awk '/^ok / { print $4 }' "$out/$label.log")
  awk -v l="$label" -v u="$unit" -v n="$n" -v s="$secs" -v kb="$kb" -v st="$statements" \
      -v sz="$(stat -c %s "$file")" 'BEGIN {
    rate = n / s; mb = kb / 1024
    ok_rate = (rate >= 100000); ok_mem = (mb <= 500)
    printf("%-9s %d %s (%.0f MB) in %.2f s: %.0f %s/s (target >= 100000: %s), peak RSS %.0f MB (target <= 500: %s), %d statements\n",
      l, n, u, sz / 1e6, s, rate, u, ok_rate ? "met" : "NOT met", mb, ok_mem ? "met" : "NOT met", st)
    exit (ok_rate && ok_mem) ? 0 : 1 }' || fail=1
}
run telegram "$tg" messages
run amlworld "$aml" rows
exit $fail

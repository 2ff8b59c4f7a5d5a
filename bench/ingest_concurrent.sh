#!/usr/bin/env bash
# Does a concurrent reader cost ingest speed? `corridor ingest CASE FILE` of the synthetic
# Telegram export of bench/ingest.sh (N messages, default 200,000) into a fresh case, alone,
# then with `corridor evidence CASE` running in a loop meanwhile (started before the ingest,
# as a colleague or the web UI would be). Prints messages/s of both, and how many reader runs
# ended during the ingest, and with which exit codes (all must be 0: readers wait, never fail).
# Usage: bench/ingest_concurrent.sh [CORRIDOR_BINARY] (default build/release/corridor);
# N and RUNS (default 2, alternating) from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/corridor}
n=${N:-200000}
runs=${RUNS:-2}
[[ -x $bin ]] || { echo "no corridor binary at $bin (build it: cmake --build BUILD --target corridor)" >&2; exit 2; }
export CORRIDOR_NO_PROGRESS=1

out=bench/out/ingest-$n
mkdir -p "$out/telegram"
tg=$out/telegram/result.json
[[ -s $tg ]] || /usr/bin/python3 bench/ingest_corpus.py telegram "$tg.part" "$n"
[[ -s $tg ]] || mv "$tg.part" "$tg"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $bin; $n messages ($(($(stat -c %s "$tg") / 1000000)) MB)"

now() { date +%s.%N; }
fail=0
run() {  # label: alone | reader
  local label=$1 case_dir=$out/concurrent.case reader=
  rm -rf "$case_dir"
  "$bin" case init "$case_dir" --title "concurrent ingest bench" --examiner bench > /dev/null
  : > "$out/reader.codes"
  if [[ $label == reader ]]; then
    ( while :; do
        code=0; "$bin" evidence "$case_dir" > /dev/null 2>> "$out/reader.err" || code=$?
        echo "$code" >> "$out/reader.codes"
      done ) &
    reader=$!
    sleep 0.3
  fi
  local start end
  start=$(now)
  "$bin" ingest "$case_dir" "$tg" > "$out/concurrent-$label.log"
  end=$(now)
  if [[ -n $reader ]]; then kill "$reader"; wait "$reader" 2> /dev/null || true; fi
  local codes
  codes=$(sort "$out/reader.codes" | uniq -c | awk '{ printf("%sexit %s: %d", NR > 1 ? ", " : "", $2, $1) }')
  awk -v l="$label" -v n="$n" -v start="$start" -v end="$end" -v codes="$codes" 'BEGIN { s = end - start
    printf("%-6s %d messages in %.2f s: %.0f messages/s%s\n", l, n, s, n / s,
           l == "reader" ? "; reader runs " (codes == "" ? "none ended" : codes) : "") }'
  if [[ $label == reader ]] && grep -qv '^0$' "$out/reader.codes"; then fail=1; fi
}
for ((i = 0; i < runs; i++)); do run alone; run reader; done
exit $fail

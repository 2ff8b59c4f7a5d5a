#!/usr/bin/env bash
# Money detectors (issue 7, part 2): transaction-level precision, recall and minority-class
# F1 against the "Is Laundering" column, per pattern and overall, and their speed.
#   1. our own AMLworld-schema corpus (bench/money_corpus.py, fixed seed; ROWS, default
#      1,000,000), with per-typology recall and false positives per kind of look-alike;
#   2. the demo case's payments.csv, advertised prices from its posts (when demo-data/ exists).
# These are NOT the published HI-Small numbers: see bench/RESULTS.md, section Money.
# Usage: bench/money.sh [build-dir] [bench_money options]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
shift || true
rows="${ROWS:-1000000}"
[ -x "$build/bench/bench_money" ] || cmake --build "$build" -j2 --target bench_money
mkdir -p "$here/out"
corpus="$here/out/money-$rows.csv"
[ -f "$corpus" ] || /usr/bin/python3 "$here/money_corpus.py" "$corpus" "$rows"
"$build/bench/bench_money" "$corpus" --prices "${corpus%.csv}.prices.txt" --truth "${corpus%.csv}.truth.csv" "$@"
demo="$here/../demo-data"
if [ -f "$demo/payments.csv" ] && [ -f "$demo/posts.jsonl" ]; then
  echo
  echo "== demo case (corridor demo): payments.csv, prices from posts.jsonl"
  "$build/bench/bench_money" "$demo/payments.csv" --posts "$demo/posts.jsonl" "$@"
fi

#!/usr/bin/env bash
# Person resolution on the demo case, scored against the demo's ground truth: which
# Person entities (one per account per source file) are the same gang member.
# Usage: bench/resolve_demo.sh [build-dir] [threshold]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../build}" && pwd)"
threshold="${2:-0.9}"
data="$here/../demo-data"
[ -f "$data/ground_truth.json" ] || { echo "demo data not found in $data (run: corridor demo)" >&2; exit 3; }
work="$(mktemp -d)"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
"$build/corridor" demo --data "$data" --case "$work/demo.corridor" > "$work/demo.log"
start=$(date +%s.%N)
"$build/corridor" resolve "$work/demo.corridor" --threshold "$threshold" --json > "$work/resolve.json"
end=$(date +%s.%N)
python3 "$here/resolve_demo_score.py" "$work/demo.corridor/case.db" "$data/ground_truth.json" "$work/resolve.json" \
  "$(echo "$end - $start" | bc)"

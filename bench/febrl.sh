#!/usr/bin/env bash
# Febrl accuracy of person matching (issue 6 target: F1 >= 0.95 on both tasks).
# Usage: bench/febrl.sh [build-dir]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
data="$here/../../shared/data/febrl"
[ -d "$data" ] || { echo "Febrl data not found in $data" >&2; exit 3; }
"$build/bench/bench_febrl" "$data"

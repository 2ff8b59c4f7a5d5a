#!/usr/bin/env bash
# Foundation benchmarks: evidence hashing against coreutils sha256sum on the same 1 GiB
# file in one run, and statement bulk insert. Usage: bench/foundation.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
[[ -x $build/bench/bench_hash ]] || { echo "build first: cmake --build $build" >&2; exit 2; }
mkdir -p bench/out
file=bench/out/hash-1GiB.bin
if [[ ! -f $file ]]; then
  echo "writing $file"
  head -c 1073741824 /dev/urandom > "$file"
fi
cat "$file" > /dev/null  # both tools read from the page cache

t0=$(date +%s.%N); peer=$(sha256sum "$file" | cut -d' ' -f1); t1=$(date +%s.%N)
read -r ours bytes secs < <("$build/bench/bench_hash" "$file")
peer_secs=$(echo "$t1 - $t0" | bc -l)
[[ $ours == "$peer" ]] || { echo "digest mismatch: $ours vs $peer" >&2; exit 1; }
awk -v b="$bytes" -v o="$secs" -v p="$peer_secs" 'BEGIN {
  printf "hash 1 GiB: corridor %.0f MB/s, sha256sum %.0f MB/s, ratio %.2f (target >= 0.9)\n",
         b/o/1e6, b/p/1e6, p/o }'

"$build/bench/bench_statements" "${STATEMENTS:-2000000}" |
  awk '{ printf "statement bulk insert: %d statements in %.2f s = %.0f statements/s (target >= 500000)\n", $2, $4, $6 }'

#!/bin/sh
# Extraction benchmark: generates (once) a corpus of SIZE_MB (default 1024) with planted
# features and ground truth under bench/out/, then prints MB/s with 1 and 2 threads and
# precision/recall per feature type. bulk_extractor is run beside it when installed.
# Usage: bench/scan.sh BUILD_DIR [SIZE_MB]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
size=${2:-1024}
mkdir -p "$here/out"
corpus="$here/out/scan_corpus_${size}.bin"
truth="$here/out/scan_truth_${size}.tsv"
[ -f "$corpus" ] || /usr/bin/python3 "$here/scan_corpus.py" "$corpus" "$truth" "$size"
echo "corpus: $(du -h "$corpus" | cut -f1), $(wc -l < "$truth") planted features"
"$build/bench/bench_scan" "$corpus" "$truth" 1 2
if command -v bulk_extractor >/dev/null 2>&1; then
  out=$(mktemp -d)
  /usr/bin/time -f "bulk_extractor seconds=%e" bulk_extractor -j 2 -o "$out/be" "$corpus" >/dev/null
  rm -rf "$out"
fi

#!/usr/bin/env bash
# Offer detector quality (issue 7): train on the train split of data/labelled/posts.tsv,
# print precision, recall and F1 per language on the held-out test split.
# Usage: bench/offers.sh [build-dir] [--write-model] [bench_offers options]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
shift || true
[ -x "$build/bench/bench_offers" ] || cmake --build "$build" -j2 --target bench_offers
"$build/bench/bench_offers" "$here/../data" "$@"

#!/usr/bin/env bash
# The whole test suite, as CI runs it: install packages, build with warnings as errors,
# run every test; then the same tests under AddressSanitizer + UBSan; then the fuzzers
# for a short fixed time. CTest's summary line is the verdict.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

jobs=$(nproc)
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/corridor-ccache}"
# Paths inside the checkout are hashed relative to it, so a clone elsewhere reuses the cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1
export CORRIDOR_NO_PROGRESS=1

echo "== release build (warnings are errors)"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCORRIDOR_WERROR=ON >/dev/null
cmake --build build/release -j "$jobs"

echo "== sanitizer build (ASan + UBSan)"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCORRIDOR_WERROR=ON \
  -DCORRIDOR_SANITIZE=ON -DCORRIDOR_BENCH=OFF >/dev/null
cmake --build build/asan -j "$jobs"

if [[ -d fuzz ]]; then
  echo "== fuzzers (clang libFuzzer, short fixed time each)"
  CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCORRIDOR_FUZZ=ON -DCORRIDOR_BENCH=OFF >/dev/null
  cmake --build build/fuzz -j "$jobs" --target corridor_fuzzers
  for f in build/fuzz/fuzz/fuzz_*; do
    [[ -x "$f" ]] || continue
    name=$(basename "$f")
    corpus="fuzz/corpus/${name#fuzz_}"
    mkdir -p "build/fuzz/run/$name"
    echo "-- $name"
    "$f" -max_total_time="${CORRIDOR_FUZZ_SECONDS:-30}" -rss_limit_mb=2048 -print_final_stats=0 \
      "build/fuzz/run/$name" $( [[ -d "$corpus" ]] && echo "$corpus" ) 2>&1 | tail -n 2
  done
fi

echo "== tests under sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan -j "$jobs" --output-on-failure --timeout 600
echo "== tests"
ctest --test-dir build/release -j "$jobs" --output-on-failure --timeout 600

#!/usr/bin/env bash
# Corridor's main job on the bundled demo case: install the packages, build, then run
# `corridor demo --score`, which generates the invented case (if absent), puts it into
# demo.corridor/ with custody, ingests, extracts, resolves, runs every detector, ranks the
# network, audits the indicators for bias, verifies and writes demo.corridor/report.html.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/corridor-ccache}"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCORRIDOR_BENCH=OFF >/dev/null
cmake --build build/release -j "$(nproc)" --target corridor
build/release/corridor demo --score "$@"
echo "open $(pwd)/demo.corridor/report.html in a browser"

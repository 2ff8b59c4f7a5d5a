#!/usr/bin/env bash
# Corridor graph analytics (build from the case store + components + PageRank + Leiden)
# against python-igraph and networkx on the same edge list.
# Usage: bench/graph.sh [BUILD_DIR]; NODES, EDGES (default 1,000,000 / 5,000,000) and
# NX_TIMEOUT (seconds given to networkx, default 300) from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
nodes=${NODES:-1000000}
edges=${EDGES:-5000000}
# PRPACK (PageRank, in both tools) runs OpenMP threads that spin at their barriers; on a
# shared 2-core machine the spinning took 5x the PageRank time. Both tools get the same.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
[[ -x $build/bench/bench_graph ]] || { echo "build first: cmake --build $build --target bench_graph" >&2; exit 2; }
mkdir -p bench/out
list=bench/out/graph-$nodes-$edges.txt
case_dir=bench/out/graph-$nodes-$edges.case
[[ -f $list ]] || "$build/bench/bench_graph" generate "$nodes" "$edges" "$list"
[[ -d $case_dir ]] || "$build/bench/bench_graph" store "$list" "$case_dir"

ours=$("$build/bench/bench_graph" run "$case_dir")
echo "$ours"
peer=$(/usr/bin/python3 bench/graph_peers.py igraph "$list" | tail -1)
echo "$peer"
echo "networkx (at most ${NX_TIMEOUT:-300} s):"
timeout "${NX_TIMEOUT:-300}" /usr/bin/python3 bench/graph_peers.py networkx "$list" || echo "networkx stopped after ${NX_TIMEOUT:-300} s"

total=$(sed -E 's/.* total ([0-9.]+).*/\1/' <<<"$ours")
analysis=$(sed -E 's/.* analysis ([0-9.]+).*/\1/' <<<"$peer")
awk -v t="$total" -v a="$analysis" 'BEGIN {
  printf "corridor total (store + analysis) %.2f s vs python-igraph analysis alone %.2f s: ratio %.2f (target < 1)\n", t, a, t/a }'

#!/usr/bin/env bash
# Corridor graph analytics (build from the case store + components + PageRank + Leiden)
# against python-igraph and networkx on the same edge list.
# Usage: bench/graph.sh [BUILD_DIR]; NODES, EDGES (default 1,000,000 / 5,000,000) and
# NX_TIMEOUT (seconds given to networkx, default 300) from the environment; SERIAL=1 also
# runs Corridor's analysis one step after the other in igraph, each step timed. Every time
# is wall seconds with the process CPU seconds beside it: on a shared machine the CPU time
# says what the code costs, the wall time what the machine's load allowed.
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

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
ours=$(SERIAL=0 "$build/bench/bench_graph" run "$case_dir")
echo "$ours"
[[ ${SERIAL:-0} == 1 ]] && SERIAL=1 "$build/bench/bench_graph" run "$case_dir"
peer_steps=$(/usr/bin/python3 bench/graph_peers.py igraph "$list")
echo "$peer_steps"
peer=$(tail -1 <<<"$peer_steps")
echo "networkx (at most ${NX_TIMEOUT:-300} s):"
timeout "${NX_TIMEOUT:-300}" /usr/bin/python3 bench/graph_peers.py networkx "$list" || echo "networkx stopped after ${NX_TIMEOUT:-300} s"

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

total=$(sed -E 's/.* total ([0-9.]+) \(cpu ([0-9.]+)\).*/\1 \2/' <<<"$ours")
analysis=$(sed -E 's/.* analysis ([0-9.]+) \(cpu ([0-9.]+)\).*/\1 \2/' <<<"$peer")
awk -v t="$total" -v a="$analysis" 'BEGIN {
  split(t, x, " "); split(a, y, " ")
  printf "corridor total (store + analysis) %.2f s vs python-igraph analysis alone %.2f s: ratio %.2f (target < 1)\n", x[1], y[1], x[1]/y[1]
  printf "cpu: corridor %.2f s vs python-igraph %.2f s: ratio %.2f\n", x[2], y[2], x[2]/y[2] }'

#pragma once
// Centrality and cohesion measures over the case network, thin wrappers over igraph.
// Every result is indexed by NodeIndex.
#include <cstdint>
#include <vector>

#include "graph/graph.hpp"

namespace corridor::graph {

struct Components {
  std::vector<std::uint32_t> membership;
  std::vector<std::size_t> sizes;  // by component id
  std::size_t count() const { return sizes.size(); }
};
Components connected_components(const Graph& g);

std::vector<std::uint32_t> degree(const Graph& g);
std::vector<double> strength(const Graph& g);  // sum of edge weights

// Betweenness on hop counts (weights are tie strengths, not distances).
std::vector<double> betweenness(const Graph& g);
// Only paths of at most `cutoff` hops: local brokerage, fast on large graphs.
std::vector<double> betweenness_cutoff(const Graph& g, double cutoff);
// Estimate from `sources` random source nodes (fixed seed), scaled to the full sum.
std::vector<double> betweenness_sampled(const Graph& g, std::size_t sources, std::uint64_t seed = 1);

std::vector<double> pagerank(const Graph& g, double damping = 0.85, bool weighted = true);
std::vector<std::uint32_t> coreness(const Graph& g);  // k-core number
// Burt's constraint: low for a broker whose contacts do not know each other; NaN for
// isolated nodes.
std::vector<double> constraint(const Graph& g, bool weighted = true);

}  // namespace corridor::graph

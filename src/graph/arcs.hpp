#pragma once
// Both directions of every undirected edge, grouped by node (compressed rows): the
// adjacency Corridor's own graph algorithms (PageRank beside Leiden, Leiden itself)
// walk without igraph. A self-loop appears twice at its node, as igraph lists it.
#include <cstdint>
#include <vector>

#include "graph/graph.hpp"

namespace corridor::graph::detail {

struct Arcs {
  std::vector<std::uint64_t> first;  // node v: [first[v], first[v + 1])
  std::vector<NodeIndex> other;
  std::vector<double> weight;
  std::size_t node_count() const { return first.empty() ? 0 : first.size() - 1; }
};

// Edges of weight <= 0 are left out when `weighted`; unweighted, every arc weighs 1.
Arcs arcs_of(const Graph& g, bool weighted);

// The sum of the weights of each node's arcs (a self-loop counts twice, as in igraph).
std::vector<double> arc_strengths(const Arcs& a);

}  // namespace corridor::graph::detail

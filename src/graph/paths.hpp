#pragma once
// Paths, ego networks and time slices: the questions "how is A connected to B", "who is
// around A", and "what did the network look like that month".
#include <optional>
#include <vector>

#include "graph/graph.hpp"

namespace corridor::graph {

struct Path {
  std::vector<NodeIndex> nodes;   // from ... to
  std::vector<std::size_t> edges;  // edges[i] joins nodes[i] and nodes[i+1]
};

// Fewest hops; with `strong_ties`, the path of strongest links (cost 1/weight) instead.
// nullopt when the two are not connected.
std::optional<Path> shortest_path(const Graph& g, NodeIndex from, NodeIndex to, bool strong_ties = false);

// Nodes within `hops` of `center`, the center first, then by index.
std::vector<NodeIndex> ego_nodes(const Graph& g, NodeIndex center, int hops);

// The graph induced by some nodes (ego network), with edges, times and statements kept.
Graph subgraph(const Graph& g, const std::vector<NodeIndex>& nodes);

// Edges active in [from, to] (their first..last interval overlaps it), and every node;
// undated edges are left out.
Graph time_slice(const Graph& g, UnixMillis from, UnixMillis to);

}  // namespace corridor::graph

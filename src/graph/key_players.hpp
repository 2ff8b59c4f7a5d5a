#pragma once
// Key players: the ranking an investigator starts from, combining reach (PageRank),
// brokerage (betweenness, bridges between communities, Burt's constraint) and
// embeddedness (k-core), each ranked entity with its reasons in words.
#include <cstdint>
#include <string>
#include <vector>

#include "graph/graph.hpp"

namespace corridor::graph {

struct KeyPlayerOptions {
  std::size_t top = 20;
  // Exact betweenness up to this many nodes; above it, sampled from `betweenness_sources`.
  std::size_t exact_betweenness_limit = 20000;
  std::size_t betweenness_sources = 256;
  std::uint64_t seed = 1;
  // How many evidence items speak of each node (by node index; empty: not known). An
  // identifier seen in the adverts, the chats and the payments is corroborated across
  // sources, unlike one busy account of a bank's bulk records; when given it weighs 20 %.
  std::vector<std::uint32_t> sources;
};

struct KeyPlayer {
  NodeIndex node = 0;
  double score = 0;  // 0..1
  double pagerank = 0, betweenness = 0, constraint = 0;
  std::uint32_t degree = 0, coreness = 0, community = 0;
  std::uint32_t sources = 0;  // evidence items, when the options gave them
  std::vector<std::string> reasons;  // "broker between communities 2 and 5", "top 1% PageRank"
};

std::vector<KeyPlayer> key_players(const Graph& g, const KeyPlayerOptions& options = {});

}  // namespace corridor::graph

#pragma once
// The network around some entities as the web UI draws it (sigma.js over graphology): the
// entities asked for, their neighbours within one or two hops, each with its community in
// that network and its key-player rank and reasons, each link with the statements it rests
// on. Written as graphology's serialisation (graphology.github.io/serialization.html), so
// the browser loads it with Graph.from() and nothing else.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/pseudonyms.hpp"
#include "graph/graph.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

inline constexpr int kMaxNetworkDepth = 2;
inline constexpr std::size_t kDefaultNetworkLimit = 300, kMaxNetworkLimit = 2000;

struct NetworkAround {
  // The entities shown: those asked for first, in the order asked, then ring by ring (most
  // links to the ring inside first, then by node index). Its node i is `hops[i]` away.
  graph::Graph graph;
  std::vector<int> hops;
  std::size_t within_depth = 0;      // entities within the depth before `limit` cut them
  std::vector<std::string> missing;  // asked for, naming no entity of the network
  int depth = 1;
  std::size_t limit = kDefaultNetworkLimit;
  bool truncated() const { return within_depth > graph.node_count(); }
};

// The entities named by `ids_or_values` (ids or identifier values, as find_entity reads
// them) and their neighbours in `g` up to `depth` hops, at most `limit` entities.
NetworkAround network_around(store::Db& db, const graph::Graph& g, const std::vector<std::string>& ids_or_values,
                             int depth, std::size_t limit);

// graphology's JSON of the network: a mixed simple graph, so the links of several types
// between two entities are one edge (directed for messages, mentions and payments, else
// undirected) listing its kinds. Protected people and values show as `shown` says.
nlohmann::ordered_json network_json(store::Db& db, const NetworkAround& n, const Pseudonyms& shown);

}  // namespace corridor::app

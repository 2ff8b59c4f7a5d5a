#pragma once
// GEXF 1.3 export for Gephi, with edge time intervals so Gephi's timeline can replay
// the network.
#include <ostream>

#include "exchange/graphml.hpp"
#include "graph/graph.hpp"

namespace corridor::exchange {

// `sources`: as write_graphml, the edge attributes `kind` and `made_by`.
void write_gexf(std::ostream& out, const graph::Graph& g, const NodeMeasures& measures = {},
                const std::vector<LinkSource>* sources = nullptr);

}  // namespace corridor::exchange

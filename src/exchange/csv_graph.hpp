#pragma once
// Nodes and edges as two CSV files (RFC 4180), the layout i2 Analyst's Notebook and
// most link-analysis tools import: one row per entity, one row per link.
#include <ostream>

#include "exchange/graphml.hpp"
#include "exchange/link_sources.hpp"
#include "graph/graph.hpp"

namespace corridor::exchange {

// id,schema,label[,measure...]
void write_nodes_csv(std::ostream& out, const graph::Graph& g, const NodeMeasures& measures = {});
// source,target,type,weight,first,last,links,statements
// With `sources` two more columns: kind (fact or assessment) and made_by.
void write_edges_csv(std::ostream& out, const graph::Graph& g, const std::vector<LinkSource>* sources = nullptr);

}  // namespace corridor::exchange

#pragma once
// GraphML export of the case network (yEd, Gephi, Cytoscape, networkx read it).
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exchange/link_sources.hpp"
#include "graph/graph.hpp"

namespace corridor::exchange {

// Per-node numbers computed by the analytics (PageRank, community...), by NodeIndex,
// written as extra node attributes.
struct NodeMeasures {
  std::vector<std::pair<std::string, std::vector<double>>> columns;
};

// Every edge carries its type, weight, first and last time (ISO 8601, empty when
// undated) and the ids of its statements ("12 57 90"), so a reader can go back to bytes.
// With `sources` (link_sources.hpp), each edge also says whether it rests on facts or on an
// assessment (`kind`) and what made its statements (`made_by`).
void write_graphml(std::ostream& out, const graph::Graph& g, const NodeMeasures& measures = {},
                   const std::vector<LinkSource>* sources = nullptr);

// XML text of a name or value, shared by the XML exports: escape_name (core/escape.hpp),
// then the XML entities.
std::string xml_escape(std::string_view s);
// What a tool shows on a node: its caption (for an identifier, its value: graph/case_graph),
// else its id.
inline std::string_view node_label(const graph::Node& n) { return n.caption.empty() ? n.id : n.caption; }
// "12 57 90"
std::string statement_list(const graph::Graph& g, std::size_t edge);
// ISO 8601 UTC or "" for kNoTime
std::string time_text(UnixMillis t);

}  // namespace corridor::exchange

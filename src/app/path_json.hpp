#pragma once
// A path between two entities as every face shows it (`corridor path --json`, the
// server's API): the nodes with their labels, each link with the statements behind it,
// each marked fact or assessment and who made it. Names are escaped (core/escape.hpp).
#include <nlohmann/json.hpp>

#include "app/network_analysis.hpp"
#include "graph/graph.hpp"

namespace corridor::app {

nlohmann::ordered_json path_json(const graph::Graph& g, graph::NodeIndex from, graph::NodeIndex to, const PathReport& path);

}  // namespace corridor::app

#pragma once
// The case network read from the case store: every entity a node, links from the
// statements (statement_edges.hpp), each edge keeping its statements' row ids.
#include "graph/graph.hpp"
#include "graph/statement_edges.hpp"
#include "store/sqlite.hpp"

namespace corridor::graph {

Graph load_case_graph(store::Db& db, const StatementGraphOptions& options = {});

}  // namespace corridor::graph

#pragma once
// Whether a link of the network rests on facts read from evidence or on an assessment (a
// resolver's merge, a detector's finding), and what made its statements: the exports carry
// both per link (GraphML/GEXF attributes `kind` and `made_by`, CSV columns), as every
// listing of statements shows them (AI Act Art. 14: the analyst sees what a machine inferred).
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "store/sqlite.hpp"

namespace corridor::exchange {

struct LinkSource {
  bool assessment = false;  // any statement behind the link is an assessment
  std::string made_by;      // the extractors and detectors of its statements, sorted: "resolve@1 whatsapp@1"
  const char* kind() const { return assessment ? "assessment" : "fact"; }
};

// By edge index of `g`.
std::vector<LinkSource> link_sources(store::Db& db, const graph::Graph& g);

}  // namespace corridor::exchange

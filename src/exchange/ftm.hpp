#pragma once
// FollowTheMoney entities as JSON lines, the format Aleph and the FtM tools load. Every
// entity of the case becomes the FtM entity of the schema FtM has for it, with its
// statements as properties and the evidence it came from as `proof` (ftm_map.hpp,
// docs/ftm.md); the links the graph infers (appearing together, same device, shared
// identifier) become UnknownLinks, so the network survives the trip.
#include <functional>
#include <ostream>

#include "exchange/ftm_entity.hpp"
#include "graph/graph.hpp"
#include "store/sqlite.hpp"

namespace corridor::exchange {

// `g` is the case's network (graph::load_case_graph) for the inferred links. `shown`, when
// given, rewrites each entity just before it is written (pseudonyms of protected people).
using FtmRewrite = std::function<void(FtmEntity&)>;
void write_ftm_lines(std::ostream& out, store::Db& db, const graph::Graph& g, const FtmRewrite& shown = {});

}  // namespace corridor::exchange

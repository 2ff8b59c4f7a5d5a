#pragma once
// FollowTheMoney entities as JSON lines, the format Aleph and the FtM tools load: one
// entity per node, and one link entity per edge (Payment for "paid", UnknownLink with
// the type as role otherwise), so the network survives the trip.
#include <ostream>

#include "graph/graph.hpp"

namespace corridor::exchange {

void write_ftm_lines(std::ostream& out, const graph::Graph& g);

}  // namespace corridor::exchange

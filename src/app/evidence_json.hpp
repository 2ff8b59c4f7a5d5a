#pragma once
// An evidence item as JSON, with its acquisition, its withdrawal (null while it stands)
// and its chain of custody: one shape for `corridor evidence --json` and the server's
// evidence list. Names and the texts of acquisition and custody may hold any byte: escaped
// (core/escape.hpp).
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "model/types.hpp"

namespace corridor::app {

nlohmann::ordered_json evidence_json(const Evidence& e, const std::vector<CustodyEvent>& custody,
                                     const std::optional<CustodyEvent>& withdrawn);

}  // namespace corridor::app

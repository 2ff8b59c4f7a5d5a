#include "exchange/ftm.hpp"

#include <nlohmann/json.hpp>

#include "core/escape.hpp"
#include "core/ids.hpp"
#include "exchange/graphml.hpp"

namespace corridor::exchange {

void write_ftm_lines(std::ostream& out, const graph::Graph& g) {
  using nlohmann::json;
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const auto& n = g.node(v);
    // Names from evidence may hold any byte: escaped (core/escape.hpp), so each line is JSON.
    json e = {{"id", escape_name(n.id)},
              {"schema", n.schema.empty() ? "Thing" : escape_name(n.schema)},
              {"properties", json::object()}};
    if (!n.caption.empty()) e["properties"]["name"] = json::array({escape_name(n.caption)});
    out << e.dump() << '\n';
  }
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    const auto& x = g.edge(i);
    const std::string s = escape_name(g.node(x.source).id);
    const std::string t = escape_name(g.node(x.target).id);
    const bool paid = x.type == graph::EdgeType::Paid;
    const char* schema = paid ? "Payment" : "UnknownLink";
    // Deterministic, so exporting the same case twice gives the same link ids.
    json e = {{"id", make_entity_id(schema, s + "|" + t + "|" + graph::to_string(x.type))},
              {"schema", schema},
              {"properties", json::object()}};
    auto& p = e["properties"];
    if (paid) {
      p["payer"] = json::array({s});
      p["beneficiary"] = json::array({t});
    } else {
      p["subject"] = json::array({s});
      p["object"] = json::array({t});
      p["role"] = json::array({graph::to_string(x.type)});
    }
    if (x.first != graph::kNoTime) {
      p["startDate"] = json::array({time_text(x.first)});
      p["endDate"] = json::array({time_text(x.last)});
    }
    p["summary"] = json::array({std::to_string(x.links) + " links; statements " + statement_list(g, i)});
    out << e.dump() << '\n';
  }
}

}  // namespace corridor::exchange

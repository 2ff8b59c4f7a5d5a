#include "app/path_json.hpp"

#include "core/escape.hpp"
#include "exchange/graphml.hpp"

namespace corridor::app {

nlohmann::ordered_json path_json(const graph::Graph& g, graph::NodeIndex from, graph::NodeIndex to, const PathReport& path) {
  const PathReport* p = &path;
  nlohmann::ordered_json j{{"from", escape_name(g.node(from).id)},
                           {"to", escape_name(g.node(to).id)},
                           {"hops", p->steps.size()}};
  auto& nodes = j["nodes"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < p->nodes.size(); ++i) {
    const auto& n = g.node(p->nodes[i]);
    nodes.push_back({{"id", escape_name(n.id)}, {"schema", n.schema}, {"label", escape_name(p->labels[i])}});
  }
  auto& edges = j["edges"] = nlohmann::ordered_json::array();
  for (const auto& s : p->steps) {
    const auto& e = g.edge(s.edge);
    nlohmann::ordered_json ej{{"from", escape_name(g.node(s.from).id)},
                              {"to", escape_name(g.node(s.to).id)},
                              {"type", graph::to_string(e.type)},
                              {"source", escape_name(g.node(e.source).id)},
                              {"target", escape_name(g.node(e.target).id)},
                              {"weight", e.weight},
                              {"links", e.links},
                              {"first", exchange::time_text(e.first)},
                              {"last", exchange::time_text(e.last)}};
    auto& st = ej["statements"] = nlohmann::ordered_json::array();
    for (const auto& x : s.statements)
      st.push_back({{"id", x.id},
                    {"entity", escape_name(x.entity_id)},
                    {"property", escape_name(x.property)},
                    {"value", escape_name(x.value)},
                    {"evidence_sha256", x.evidence_sha256},
                    {"locator", locator_text(x.locator)},
                    {"kind", x.assessment ? "assessment" : "fact"},
                    {"made_by", x.made_by}});
    edges.push_back(std::move(ej));
  }
  return j;
}

}  // namespace corridor::app

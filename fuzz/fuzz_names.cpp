// Any bytes as a name (a node's id, schema and caption, a measure's name) through the
// escaping and every export writer: the escaped text must be valid UTF-8 without control
// characters and give the bytes back; GraphML and GEXF must parse with a real XML parser;
// each CSV row must stay one line; an FtM entity must be one line of JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/escape.hpp"
#include "exchange/csv_graph.hpp"
#include "exchange/ftm_entity.hpp"
#include "exchange/gexf.hpp"
#include "exchange/graphml.hpp"
#include "support/xml_check.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void check_escape(const std::string& name) {
  const std::string e = corridor::escape_name(name);
  for (unsigned char c : e) check(c >= 0x20 && c != 0x7F);
  check(corridor::is_utf8(e));
  check(corridor::unescape_name(e) == name);
  // nlohmann::json throws on text that is not UTF-8.
  check(nlohmann::json(e).dump() == nlohmann::json::parse(nlohmann::json(e).dump()).dump());
}

corridor::graph::Graph graph_named(const std::string& name) {
  using namespace corridor::graph;
  GraphBuilder b;
  b.add_node("node-0", name, name);
  b.add_node(name.empty() ? "x" : name, "Thing", "");
  EdgeInput e;
  e.source = "node-0";
  e.target = name.empty() ? "x" : name;
  e.statements = {1};
  b.add_edge(e);
  return b.build();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name(reinterpret_cast<const char*>(data), size);
  check_escape(name);

  const auto g = graph_named(name);
  corridor::exchange::NodeMeasures m;
  m.columns.push_back({name, std::vector<double>(g.node_count(), 1.0)});
  std::ostringstream graphml, gexf, nodes;
  corridor::exchange::write_graphml(graphml, g, m);
  corridor::exchange::write_gexf(gexf, g, m);
  check(corridor::test::xml_error(graphml.str()).empty());
  check(corridor::test::xml_error(gexf.str()).empty());

  corridor::exchange::write_nodes_csv(nodes, g, m);
  const std::string csv = nodes.str();
  check(corridor::is_utf8(csv));
  std::size_t rows = 0;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] == '\n') check(i > 0 && csv[i - 1] == '\r');
    if (csv[i] == '\r') {
      check(i + 1 < csv.size() && csv[i + 1] == '\n');
      ++rows;
    }
  }
  check(rows == g.node_count() + 1);  // the header and one line per node

  // An FtM entity with the bytes as its id, schema, name and text: one line of JSON.
  corridor::exchange::FtmEntity e(name, name);
  e.add("name", name);
  e.add("bodyText", name);
  const std::string line = e.json();
  check(line.find('\n') == std::string::npos);
  check(!nlohmann::json::parse(line, nullptr, false).is_discarded());
  return 0;
}

#include "exchange/csv_graph.hpp"

#include <cstdio>

namespace corridor::exchange {

namespace {
// Quotes a field when it holds a separator, quote or line break. A leading = + - @ is
// prefixed with ' so a spreadsheet opening the file does not run it as a formula.
std::string csv(std::string_view s) {
  std::string v(s);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}
}  // namespace

void write_nodes_csv(std::ostream& out, const graph::Graph& g, const NodeMeasures& measures) {
  out << "id,schema,label";
  for (const auto& [name, values] : measures.columns) out << ',' << csv(name);
  out << "\r\n";
  char number[32];
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const auto& n = g.node(v);
    out << csv(n.id) << ',' << csv(n.schema) << ',' << csv(n.caption.empty() ? n.id : n.caption);
    for (const auto& [name, values] : measures.columns) {
      std::snprintf(number, sizeof number, "%.10g", values[v]);
      out << ',' << number;
    }
    out << "\r\n";
  }
}

void write_edges_csv(std::ostream& out, const graph::Graph& g) {
  out << "source,target,type,weight,first,last,links,statements\r\n";
  char number[32];
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const auto& x = g.edge(e);
    std::snprintf(number, sizeof number, "%.10g", x.weight);
    out << csv(g.node(x.source).id) << ',' << csv(g.node(x.target).id) << ',' << graph::to_string(x.type) << ','
        << number << ',' << time_text(x.first) << ',' << time_text(x.last) << ',' << x.links << ','
        << statement_list(g, e) << "\r\n";
  }
}

}  // namespace corridor::exchange

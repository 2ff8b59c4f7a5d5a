#include "exchange/csv_graph.hpp"

#include <cstdio>

#include "core/escape.hpp"

namespace corridor::exchange {

namespace {
// A field as a spreadsheet must read it: a text starting with = + - @, TAB or CR may be
// run as a formula (OWASP "CSV injection"), so it gets a ' in front; then the text is
// escaped (escape_name: no line break or control character left, lossless) and quoted
// when it holds a separator or a quote.
std::string csv(std::string_view s) {
  const bool formula = !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos;
  const std::string v = (formula ? "'" : "") + escape_name(s);
  if (v.find_first_of(",\"") == std::string::npos) return v;
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
    out << csv(n.id) << ',' << csv(n.schema) << ',' << csv(node_label(n));
    for (const auto& [name, values] : measures.columns) {
      std::snprintf(number, sizeof number, "%.10g", values[v]);
      out << ',' << number;
    }
    out << "\r\n";
  }
}

void write_edges_csv(std::ostream& out, const graph::Graph& g, const std::vector<LinkSource>* sources) {
  out << "source,target,type,weight,first,last,links,statements" << (sources ? ",kind,made_by" : "") << "\r\n";
  char number[32];
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const auto& x = g.edge(e);
    std::snprintf(number, sizeof number, "%.10g", x.weight);
    out << csv(g.node(x.source).id) << ',' << csv(g.node(x.target).id) << ',' << graph::to_string(x.type) << ','
        << number << ',' << time_text(x.first) << ',' << time_text(x.last) << ',' << x.links << ','
        << statement_list(g, e);
    if (sources) out << ',' << (*sources)[e].kind() << ',' << csv((*sources)[e].made_by);
    out << "\r\n";
  }
}

}  // namespace corridor::exchange

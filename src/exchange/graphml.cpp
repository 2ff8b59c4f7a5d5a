#include "exchange/graphml.hpp"

#include <cstdio>

#include "core/escape.hpp"

namespace corridor::exchange {

std::string xml_escape(std::string_view s) {
  // escape_name first: its output is UTF-8 without the control characters, U+FFFE and
  // U+FFFF that XML 1.0 does not allow, so any name gives well-formed XML.
  const std::string name = escape_name(s);
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string statement_list(const graph::Graph& g, std::size_t edge) {
  std::string out;
  for (auto id : g.statements_of(edge)) {
    if (!out.empty()) out += ' ';
    out += std::to_string(id);
  }
  return out;
}

std::string time_text(UnixMillis t) { return t == graph::kNoTime ? std::string() : format_utc(t); }

void write_graphml(std::ostream& out, const graph::Graph& g, const NodeMeasures& measures,
                   const std::vector<LinkSource>* sources) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <key id=\"schema\" for=\"node\" attr.name=\"schema\" attr.type=\"string\"/>\n"
         "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n";
  for (std::size_t c = 0; c < measures.columns.size(); ++c)
    out << "  <key id=\"m" << c << "\" for=\"node\" attr.name=\"" << xml_escape(measures.columns[c].first)
        << "\" attr.type=\"double\"/>\n";
  out << "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
         "  <key id=\"first\" for=\"edge\" attr.name=\"first\" attr.type=\"string\"/>\n"
         "  <key id=\"last\" for=\"edge\" attr.name=\"last\" attr.type=\"string\"/>\n"
         "  <key id=\"statements\" for=\"edge\" attr.name=\"statements\" attr.type=\"string\"/>\n";
  if (sources)
    out << "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
           "  <key id=\"made_by\" for=\"edge\" attr.name=\"made_by\" attr.type=\"string\"/>\n";
  out << "  <graph id=\"case\" edgedefault=\"directed\">\n";
  char number[32];
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const auto& n = g.node(v);
    out << "    <node id=\"" << xml_escape(n.id) << "\"><data key=\"schema\">" << xml_escape(n.schema)
        << "</data><data key=\"label\">" << xml_escape(node_label(n)) << "</data>";
    for (std::size_t c = 0; c < measures.columns.size(); ++c) {
      std::snprintf(number, sizeof number, "%.10g", measures.columns[c].second[v]);
      out << "<data key=\"m" << c << "\">" << number << "</data>";
    }
    out << "</node>\n";
  }
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const auto& x = g.edge(e);
    std::snprintf(number, sizeof number, "%.10g", x.weight);
    out << "    <edge id=\"e" << e << "\" source=\"" << xml_escape(g.node(x.source).id) << "\" target=\""
        << xml_escape(g.node(x.target).id) << "\"><data key=\"type\">" << graph::to_string(x.type)
        << "</data><data key=\"weight\">" << number << "</data><data key=\"first\">" << time_text(x.first)
        << "</data><data key=\"last\">" << time_text(x.last) << "</data><data key=\"statements\">"
        << statement_list(g, e) << "</data>";
    if (sources)
      out << "<data key=\"kind\">" << (*sources)[e].kind() << "</data><data key=\"made_by\">"
          << xml_escape((*sources)[e].made_by) << "</data>";
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace corridor::exchange

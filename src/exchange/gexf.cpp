#include "exchange/gexf.hpp"

#include <cstdio>

namespace corridor::exchange {

void write_gexf(std::ostream& out, const graph::Graph& g, const NodeMeasures& measures,
                const std::vector<LinkSource>* sources) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
         "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"dateTime\">\n"
         "    <attributes class=\"node\">\n"
         "      <attribute id=\"schema\" title=\"schema\" type=\"string\"/>\n";
  for (std::size_t c = 0; c < measures.columns.size(); ++c)
    out << "      <attribute id=\"m" << c << "\" title=\"" << xml_escape(measures.columns[c].first)
        << "\" type=\"double\"/>\n";
  out << "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
         "      <attribute id=\"statements\" title=\"statements\" type=\"string\"/>\n";
  if (sources)
    out << "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
           "      <attribute id=\"made_by\" title=\"made_by\" type=\"string\"/>\n";
  out << "    </attributes>\n"
         "    <nodes>\n";
  char number[32];
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const auto& n = g.node(v);
    out << "      <node id=\"" << xml_escape(n.id) << "\" label=\"" << xml_escape(node_label(n))
        << "\"><attvalues><attvalue for=\"schema\" value=\"" << xml_escape(n.schema) << "\"/>";
    for (std::size_t c = 0; c < measures.columns.size(); ++c) {
      std::snprintf(number, sizeof number, "%.10g", measures.columns[c].second[v]);
      out << "<attvalue for=\"m" << c << "\" value=\"" << number << "\"/>";
    }
    out << "</attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const auto& x = g.edge(e);
    std::snprintf(number, sizeof number, "%.10g", x.weight);
    out << "      <edge id=\"" << e << "\" source=\"" << xml_escape(g.node(x.source).id) << "\" target=\""
        << xml_escape(g.node(x.target).id) << "\" weight=\"" << number << "\" label=\"" << graph::to_string(x.type)
        << "\"";
    if (x.first != graph::kNoTime) out << " start=\"" << time_text(x.first) << "\" end=\"" << time_text(x.last) << "\"";
    out << "><attvalues><attvalue for=\"type\" value=\"" << graph::to_string(x.type)
        << "\"/><attvalue for=\"statements\" value=\"" << statement_list(g, e) << "\"/>";
    if (sources)
      out << "<attvalue for=\"kind\" value=\"" << (*sources)[e].kind() << "\"/><attvalue for=\"made_by\" value=\""
          << xml_escape((*sources)[e].made_by) << "\"/>";
    out << "</attvalues></edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace corridor::exchange

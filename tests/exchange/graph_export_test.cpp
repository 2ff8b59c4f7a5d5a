#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "exchange/csv_graph.hpp"
#include "exchange/gexf.hpp"
#include "exchange/graphml.hpp"

using namespace corridor;
using namespace corridor::graph;
using namespace corridor::exchange;

namespace {
// Two accounts, one payment and one message with times, a caption needing escapes.
Graph sample() {
  GraphBuilder b;
  b.add_node("account-a", "UserAccount", "Abu \"S\" & <co>");
  b.add_node("account-b", "UserAccount", "");
  EdgeInput paid;
  paid.source = "account-a";
  paid.target = "account-b";
  paid.type = EdgeType::Paid;
  paid.weight = 2;
  paid.at = *parse_iso8601("2026-02-01T08:00:00Z");
  paid.statements = {7, 9};
  b.add_edge(paid);
  EdgeInput msg;
  msg.source = "account-b";
  msg.target = "=cmd,x";
  msg.type = EdgeType::SentMessageTo;
  msg.statements = {12};
  b.add_edge(msg);
  return b.build();
}
}  // namespace

TEST(GraphExport, GraphMLCarriesTypesTimesAndStatements) {
  std::ostringstream out;
  NodeMeasures m;
  m.columns.push_back({"pagerank", {0.5, 0.25, 0.25}});
  write_graphml(out, sample(), m);
  const std::string x = out.str();
  EXPECT_NE(x.find("<node id=\"account-a\"><data key=\"schema\">UserAccount</data><data key=\"label\">"
                   "Abu &quot;S&quot; &amp; &lt;co&gt;</data><data key=\"m0\">0.5</data></node>"),
            std::string::npos);
  EXPECT_NE(x.find("<edge id=\"e0\" source=\"account-a\" target=\"account-b\"><data key=\"type\">paid</data>"
                   "<data key=\"weight\">2</data><data key=\"first\">2026-02-01T08:00:00.000Z</data>"
                   "<data key=\"last\">2026-02-01T08:00:00.000Z</data><data key=\"statements\">7 9</data></edge>"),
            std::string::npos)
      << x;
  EXPECT_NE(x.find("<data key=\"first\"></data>"), std::string::npos);
  EXPECT_TRUE(x.ends_with("</graph>\n</graphml>\n"));
}

TEST(GraphExport, GexfHasIntervalsForDatedEdges) {
  std::ostringstream out;
  write_gexf(out, sample());
  const std::string x = out.str();
  EXPECT_NE(x.find("<edge id=\"0\" source=\"account-a\" target=\"account-b\" weight=\"2\" label=\"paid\" "
                   "start=\"2026-02-01T08:00:00.000Z\" end=\"2026-02-01T08:00:00.000Z\">"),
            std::string::npos)
      << x;
  EXPECT_NE(x.find("<edge id=\"1\" source=\"account-b\" target=\"=cmd,x\" weight=\"1\" label=\"sent message to\">"),
            std::string::npos);
}

TEST(GraphExport, CsvNodesAndEdgesQuotedAndFormulaSafe) {
  std::ostringstream nodes, edges;
  const Graph g = sample();
  write_nodes_csv(nodes, g);
  write_edges_csv(edges, g);
  EXPECT_EQ(nodes.str(),
            "id,schema,label\r\n"
            "account-a,UserAccount,\"Abu \"\"S\"\" & <co>\"\r\n"
            "account-b,UserAccount,account-b\r\n"
            "\"'=cmd,x\",,\"'=cmd,x\"\r\n");
  EXPECT_EQ(edges.str(),
            "source,target,type,weight,first,last,links,statements\r\n"
            "account-a,account-b,paid,2,2026-02-01T08:00:00.000Z,2026-02-01T08:00:00.000Z,1,7 9\r\n"
            "account-b,\"'=cmd,x\",sent message to,1,,,1,12\r\n");
}

// The FtM export maps the case's entities with their properties, not the bare graph:
// tests/exchange/ftm_export_test.cpp and ftm_schema_test.cpp.

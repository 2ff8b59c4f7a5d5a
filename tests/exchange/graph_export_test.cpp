#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <map>
#include <sstream>

#include "exchange/csv_graph.hpp"
#include "exchange/gexf.hpp"
#include "exchange/graphml.hpp"
#include "core/escape.hpp"
#include "graph/statement_edges.hpp"
#include "support/xml_check.hpp"

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

namespace {
// Every byte value, the characters XML 1.0 forbids or a terminal obeys, in captions, ids
// and a measure name.
std::string every_byte() {
  std::string s;
  for (int b = 0; b < 256; ++b) s += static_cast<char>(b);
  return s;
}
Graph hostile() {
  GraphBuilder b;
  b.add_node("document-1", "Document", "chat\xFF\n\x1B[31mred\\.txt");
  b.add_node("account-2", "UserAccount", every_byte());
  b.add_node(std::string("id\x01\xEF\xBF\xBE", 6), "Thing\xC2\x85", "\xEF\xBF\xBF]]>\xED\xA0\x80");
  b.add_node("account-4", "UserAccount", "\t=HYPERLINK(\"x\")");
  EdgeInput e;
  e.source = "document-1";
  e.target = std::string("id\x01\xEF\xBF\xBE", 6);
  e.type = EdgeType::Mentions;
  e.statements = {1};
  b.add_edge(e);
  return b.build();
}
NodeMeasures hostile_measures() {
  NodeMeasures m;
  m.columns.push_back({"page\x0Brank\xFF", {1, 2, 3, 4}});
  return m;
}
}  // namespace

TEST(GraphExport, XmlExportsAreWellFormedForAnyName) {
  const Graph g = hostile();
  std::ostringstream graphml, gexf;
  write_graphml(graphml, g, hostile_measures());
  write_gexf(gexf, g, hostile_measures());
  for (const std::string& x : {graphml.str(), gexf.str()}) {
    EXPECT_EQ(test::xml_error(x), "") << x;
    EXPECT_TRUE(is_utf8(x));
  }
  // Names are escaped losslessly (core/escape.hpp), then XML-escaped.
  EXPECT_NE(graphml.str().find("<data key=\"label\">chat\\xFF\\n\\x1B[31mred\\\\.txt</data>"), std::string::npos)
      << graphml.str();
  EXPECT_NE(graphml.str().find("<node id=\"id\\x01\\uFFFE\"><data key=\"schema\">Thing\\u0085</data>"
                               "<data key=\"label\">\\uFFFF]]&gt;\\xED\\xA0\\x80</data>"),
            std::string::npos)
      << graphml.str();
  EXPECT_NE(gexf.str().find("label=\"chat\\xFF\\n\\x1B[31mred\\\\.txt\""), std::string::npos) << gexf.str();
  EXPECT_NE(gexf.str().find("title=\"page\\x0Brank\\xFF\""), std::string::npos) << gexf.str();
  EXPECT_NE(gexf.str().find("source=\"document-1\" target=\"id\\x01\\uFFFE\""), std::string::npos) << gexf.str();
}

TEST(GraphExport, CsvCarriesEscapedNames) {
  const Graph g = hostile();
  std::ostringstream nodes;
  write_nodes_csv(nodes, g, hostile_measures());
  EXPECT_TRUE(is_utf8(nodes.str()));
  EXPECT_NE(nodes.str().find("\r\ndocument-1,Document,chat\\xFF\\n\\x1B[31mred\\\\.txt,1\r\n"), std::string::npos)
      << nodes.str();
  EXPECT_NE(nodes.str().find("\r\naccount-4,UserAccount,\"'\\t=HYPERLINK(\"\"x\"\")\",4\r\n"), std::string::npos)
      << nodes.str();
}

TEST(GraphExport, CsvNeutralisesFormulasBehindTabAndCarriageReturn) {
  GraphBuilder b;
  const std::vector<std::string> captions = {"\t=1+1", "\r=1+1", "\t", "\r", "\t@SUM(A1)", "=1", "+1", "-1", "@x",
                                             " =1", "a\nb"};
  for (std::size_t i = 0; i < captions.size(); ++i) b.add_node("n" + std::to_string(i), "Thing", captions[i]);
  std::ostringstream out;
  write_nodes_csv(out, b.build());
  EXPECT_EQ(out.str(),
            "id,schema,label\r\n"
            "n0,Thing,'\\t=1+1\r\n"
            "n1,Thing,'\\r=1+1\r\n"
            "n2,Thing,'\\t\r\n"
            "n3,Thing,'\\r\r\n"
            "n4,Thing,'\\t@SUM(A1)\r\n"
            "n5,Thing,'=1\r\n"
            "n6,Thing,'+1\r\n"
            "n7,Thing,'-1\r\n"
            "n8,Thing,'@x\r\n"
            "n9,Thing, =1\r\n"
            "n10,Thing,a\\nb\r\n");
}

TEST(GraphExport, IdentifierNodesAreLabelledByTheirValueInEveryFormat) {
  auto st = [](std::int64_t id, const char* entity, const char* schema, const char* property, const char* value) {
    SourcedStatement s;
    s.id = id;
    s.statement.entity_id = entity;
    s.statement.schema = schema;
    s.statement.property = property;
    s.statement.value = value;
    return s;
  };
  const std::vector<SourcedStatement> all = {st(1, "phone-1", "Phone", "number", "+218912345678"),
                                             st(2, "bankaccount-1", "BankAccount", "iban", "DE89370400440532013000"),
                                             st(3, "post-1", "Post", "mentions", "phone-1"),
                                             st(4, "post-1", "Post", "mentions", "bankaccount-1")};
  const Graph g = build_graph(all);
  std::ostringstream graphml, gexf, csv;
  write_graphml(graphml, g);
  write_gexf(gexf, g);
  write_nodes_csv(csv, g);
  EXPECT_NE(graphml.str().find("<node id=\"phone-1\"><data key=\"schema\">Phone</data>"
                               "<data key=\"label\">+218912345678</data>"),
            std::string::npos)
      << graphml.str();
  EXPECT_NE(graphml.str().find("<data key=\"label\">DE89370400440532013000</data>"), std::string::npos);
  EXPECT_NE(gexf.str().find("<node id=\"phone-1\" label=\"+218912345678\">"), std::string::npos) << gexf.str();
  EXPECT_NE(gexf.str().find("<node id=\"bankaccount-1\" label=\"DE89370400440532013000\">"), std::string::npos);
  // A leading + is a formula start to a spreadsheet: the number is kept behind a '.
  EXPECT_NE(csv.str().find("\r\nphone-1,Phone,'+218912345678\r\n"), std::string::npos) << csv.str();
  EXPECT_NE(csv.str().find("\r\nbankaccount-1,BankAccount,DE89370400440532013000\r\n"), std::string::npos);
}

// The FtM export maps the case's entities with their properties, not the bare graph:
// tests/exchange/ftm_export_test.cpp and ftm_schema_test.cpp.

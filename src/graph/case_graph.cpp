#include "graph/case_graph.hpp"

namespace corridor::graph {

namespace {
// Properties whose value names the other end of a link, read straight into the builder:
// the bulk of a large case, streamed without holding statements in memory. "mentions"
// goes through the record path, which also joins what one record mentions together.
constexpr const char* kDirect = "'sentMessageTo','paid','appearsWith','sameDevice','sharesIdentifier'";
constexpr const char* kRecord = "'sender','recipients','payer','beneficiary','date','sentAt','mentions','device'";
}  // namespace

Graph load_case_graph(store::Db& db, const StatementGraphOptions& options) {
  GraphBuilder b;
  {
    store::Stmt count(db, "SELECT (SELECT count(*) FROM entities), (SELECT max(id) FROM statements)");
    if (count.step()) b.reserve(static_cast<std::size_t>(count.int64(0)), 0);
  }
  {
    store::Stmt q(db, "SELECT id, schema, caption FROM entities ORDER BY rid");
    while (q.step()) b.add_node(q.text(0), q.text(1), q.text(2));
  }
  {
    store::Stmt q(db, std::string("SELECT s.id, e.id, s.property, s.value, s.observed_at FROM statements s "
                                  "JOIN entities e ON e.rid = s.entity WHERE s.kind = 0 AND s.property IN (") +
                          kDirect + ") ORDER BY s.id");
    while (q.step()) {
      const std::string value = q.text(3);
      const std::string entity = q.text(1);
      if (value == entity) continue;
      const auto type = direct_link_type(q.text(2));
      const auto at = parse_iso8601(q.text(4));
      const std::int64_t id = q.int64(0);
      b.add_edge(b.add_node(entity), b.add_node(value), *type, 1, at ? *at : kNoTime, std::span(&id, 1));
    }
  }
  std::vector<SourcedStatement> records;
  {
    store::Stmt q(db, std::string("SELECT s.id, e.id, e.schema, s.property, s.value, s.observed_at FROM statements s "
                                  "JOIN entities e ON e.rid = s.entity WHERE s.kind = 0 AND (s.property IN (") +
                          kRecord + ") OR s.ident = 1) ORDER BY s.id");
    while (q.step()) {
      SourcedStatement s;
      s.id = q.int64(0);
      s.statement.entity_id = q.text(1);
      s.statement.schema = q.text(2);
      s.statement.property = q.text(3);
      s.statement.value = q.text(4);
      s.statement.prov.observed_at = q.text(5);
      records.push_back(std::move(s));
    }
  }
  for (const auto& e : edges_from_statements(records, options)) b.add_edge(e);
  return b.build();
}

}  // namespace corridor::graph

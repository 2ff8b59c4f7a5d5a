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
  // Entity row id -> node, so the bulk of links needs one string lookup (the value), not two.
  std::vector<NodeIndex> node_of_rid;
  {
    store::Stmt q(db, "SELECT rid, id, schema, caption FROM entities ORDER BY rid");
    while (q.step()) {
      const auto rid = static_cast<std::size_t>(q.int64(0));
      if (rid >= node_of_rid.size()) node_of_rid.resize(rid + 1, 0);
      node_of_rid[rid] = b.add_node(q.text(1), q.text(2), q.text(3));
    }
  }
  {
    // Raw SQLite here: this loop reads millions of rows, and reading the text in place
    // instead of copying it into strings halves the time of building a large case.
    const std::string sql = std::string("SELECT id, entity, property, value, observed_at FROM statements "
                                        "WHERE kind = 0 AND property IN (") + kDirect + ") ORDER BY id";
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &q, nullptr) != SQLITE_OK) db.fail("prepare " + sql);
    auto text = [q](int col) {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(q, col));
      return std::string_view(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(q, col)));
    };
    std::string last_time;
    UnixMillis at = kNoTime;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
      const auto rid = static_cast<std::size_t>(sqlite3_column_int64(q, 1));
      if (rid >= node_of_rid.size()) continue;  // a statement without its entity row: not a link
      const NodeIndex source = node_of_rid[rid];
      const NodeIndex target = b.add_node(text(3));
      if (source == target) continue;
      // Statements of one import share their time: parse it once per change.
      if (const auto t = text(4); t != last_time) {
        last_time = t;
        const auto parsed = parse_iso8601(t);
        at = parsed ? *parsed : kNoTime;
      }
      const std::int64_t id = sqlite3_column_int64(q, 0);
      b.add_edge(source, target, *direct_link_type(text(2)), 1, at, std::span(&id, 1));
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) db.fail("read links");
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

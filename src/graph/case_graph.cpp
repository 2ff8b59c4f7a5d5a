#include "graph/case_graph.hpp"

#include <string>

namespace corridor::graph {

namespace {
// Properties whose value names the other end of a link, read straight into the builder:
// the bulk of a large case, streamed without holding statements in memory. "mentions"
// goes through the record path, which also joins what one record mentions together.
constexpr const char* kDirect = "'sentMessageTo','paid','appearsWith','sameDevice','sharesIdentifier'";
constexpr const char* kRecord = "'sender','recipients','payer','beneficiary','date','sentAt','mentions','device'";

std::string_view column_text(sqlite3_stmt* q, int col) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(q, col));
  return {p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(q, col))};
}
}  // namespace

Graph load_case_graph(store::Db& db, const StatementGraphOptions& options) {
  GraphBuilder b;
  {
    store::Stmt count(db, "SELECT (SELECT count(*) FROM entities), (SELECT max(id) FROM statements)");
    if (count.step()) b.reserve(static_cast<std::size_t>(count.int64(0)), static_cast<std::size_t>(count.int64(1)));
  }
  // Entity row id -> node, so the bulk of links needs one string lookup (the value), not two.
  std::vector<NodeIndex> node_of_rid;
  {
    store::Stmt q(db, "SELECT rid, id, schema, caption FROM entities ORDER BY rid");
    while (q.step()) {
      const auto rid = static_cast<std::size_t>(q.int64(0));
      if (rid >= node_of_rid.size()) node_of_rid.resize(std::max(rid + 1, node_of_rid.size() * 2), 0);
      node_of_rid[rid] = b.add_node(q.text(1), q.text(2), q.text(3));
    }
  }
  // One pass over the statements (a large case has millions of rows): direct links go
  // straight into the builder; the statements of records (messages, payments, mentions,
  // devices, identifiers) are kept to be grouped by edges_from_statements. Raw SQLite: the
  // text is read in place instead of copied into strings.
  std::vector<SourcedStatement> records;
  {
    const std::string sql = std::string("SELECT id, entity, property, value, observed_at, ident FROM statements "
                                        "WHERE kind = 0 AND (property IN (") +
                            kDirect + "," + kRecord + ") OR ident = 1) ORDER BY id";
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &q, nullptr) != SQLITE_OK) db.fail("prepare " + sql);
    std::string last_time;
    UnixMillis at = kNoTime;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
      const auto rid = static_cast<std::size_t>(sqlite3_column_int64(q, 1));
      if (rid >= node_of_rid.size()) continue;  // a statement without its entity row: not a link
      const NodeIndex source = node_of_rid[rid];
      const std::string_view property = column_text(q, 2);
      const auto direct = property == "mentions" ? std::nullopt : direct_link_type(property);
      if (!direct) {
        SourcedStatement s;
        s.id = sqlite3_column_int64(q, 0);
        const Node& n = b.node(source);
        s.statement.entity_id = n.id;
        s.statement.schema = n.schema;
        s.statement.property = property;
        s.statement.value = column_text(q, 3);
        s.statement.prov.observed_at = column_text(q, 4);
        records.push_back(std::move(s));
        continue;
      }
      const NodeIndex target = b.add_node(column_text(q, 3));
      if (source == target) continue;
      // Statements of one import share their time: parse it once per change.
      if (const auto t = column_text(q, 4); t != last_time) {
        last_time = t;
        const auto parsed = parse_iso8601(t);
        at = parsed ? *parsed : kNoTime;
      }
      const std::int64_t id = sqlite3_column_int64(q, 0);
      b.add_edge(source, target, *direct, 1, at, std::span(&id, 1));
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) db.fail("read links");
  }
  for (const auto& e : edges_from_statements(records, options)) b.add_edge(e);
  return b.build();
}

}  // namespace corridor::graph

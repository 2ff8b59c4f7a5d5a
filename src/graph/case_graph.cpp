#include "graph/case_graph.hpp"

#include <string>
#include <unordered_map>
#include <vector>

#include "core/text_arena.hpp"

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

// Raw SQLite for the bulk reads: text is read in place instead of copied into strings.
class RawQuery {
 public:
  RawQuery(store::Db& db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &q_, nullptr) != SQLITE_OK) db.fail("prepare " + sql);
  }
  ~RawQuery() { sqlite3_finalize(q_); }
  RawQuery(const RawQuery&) = delete;
  RawQuery& operator=(const RawQuery&) = delete;
  bool step(const char* what) {
    const int rc = sqlite3_step(q_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) db_.fail(what);
    return false;
  }
  std::int64_t int64(int col) const { return sqlite3_column_int64(q_, col); }
  std::string_view text(int col) const { return column_text(q_, col); }

 private:
  store::Db& db_;
  sqlite3_stmt* q_ = nullptr;
};
// Each merged entity's node is the node of the end of its canonical chain (a chain should
// not happen, but a cycle must not hang the load: at most as many hops as merges).
template <class Merged>
void add_merged_entities(GraphBuilder& b, const std::vector<Merged>& merged, std::vector<NodeIndex>& node_of_rid) {
  if (merged.empty()) return;
  std::unordered_map<std::string_view, std::string_view> canonical_of;
  for (const auto& m : merged) canonical_of.emplace(m.id, m.canonical);
  for (const auto& m : merged) {
    std::string_view root = m.canonical;
    for (std::size_t hop = 0; hop < merged.size(); ++hop) {
      const auto next = canonical_of.find(root);
      if (next == canonical_of.end() || next->second == m.id) break;
      root = next->second;
    }
    const NodeIndex node = b.add_node(root);
    node_of_rid[m.rid] = node;
    b.add_alias(m.id, node);
  }
}

// Direct links read from SQLite, handed to the builder in batches (add_links overlaps
// their lookups); the target ids are copied out of SQLite's row, which the next step reuses.
class PendingLinks {
 public:
  void add(NodeIndex source, std::string_view target, EdgeType type, UnixMillis at, std::int64_t statement) {
    links_.push_back({source, ids_.keep(target), type, at, statement});
  }
  bool full() const { return links_.size() >= 4096; }
  void flush(GraphBuilder& b) {
    b.add_links(links_);
    links_.clear();
    ids_.clear();
  }

 private:
  std::vector<GraphBuilder::LinkTo> links_;
  TextArena ids_;
};

// Same-person merges the resolver proposed that no person has confirmed or dismissed: a link
// between the two persons, with the statements its reasons cite (assessments of resolve).
void add_proposed_merges(store::Db& db, GraphBuilder& b) {
  store::Stmt q(db,
                "SELECT i.id, s.entity FROM indicators i JOIN indicator_subjects s ON s.indicator = i.id "
                "WHERE i.detector = 'resolve.same_person' AND i.review = 'open' ORDER BY i.id, s.entity");
  store::Stmt cited(db,
                    "SELECT DISTINCT rs.statement FROM indicator_reasons r JOIN reason_statements rs ON rs.reason = r.id "
                    "WHERE r.indicator = ? ORDER BY rs.statement");
  std::int64_t current = -1;
  std::vector<std::string> subjects;
  auto flush = [&] {
    if (subjects.size() == 2) {
      std::vector<std::int64_t> statements;
      cited.bind(1, current);
      while (cited.step()) statements.push_back(cited.int64(0));
      cited.reset();
      const NodeIndex a = b.add_node(subjects[0]), c = b.add_node(subjects[1]);
      if (a != c) b.add_edge(a, c, EdgeType::ProposedSameAs, 1, kNoTime, statements);
    }
    subjects.clear();
  };
  while (q.step()) {
    if (q.int64(0) != current) {
      flush();
      current = q.int64(0);
    }
    subjects.push_back(q.text(1));
  }
  flush();
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
    // A merged entity (canonical_id != id, after a reviewed resolution) gets no node of its
    // own: its statements land on the canonical entity's node. Merges are few, so comparing
    // the two columns while reading costs little and no statement needs a join.
    struct Merged {
      std::size_t rid;
      std::string id, canonical;
    };
    std::vector<Merged> merged;
    RawQuery q(db, "SELECT rid, id, schema, caption, canonical_id FROM entities ORDER BY rid");
    while (q.step("read entities")) {
      const auto rid = static_cast<std::size_t>(q.int64(0));
      if (rid >= node_of_rid.size()) node_of_rid.resize(std::max(rid + 1, node_of_rid.size() * 2), 0);
      const std::string_view id = q.text(1), canonical = q.text(4);
      if (canonical != id && !canonical.empty()) {
        merged.push_back({rid, std::string(id), std::string(canonical)});
        continue;
      }
      node_of_rid[rid] = b.add_node(id, q.text(2), q.text(3));
    }
    add_merged_entities(b, merged, node_of_rid);
  }
  // One pass over the statements (a large case has millions of rows): direct links go
  // straight into the builder; the statements of records (messages, payments, mentions,
  // devices, identifiers) are kept to be grouped by edges_from_statements.
  std::vector<SourcedStatement> records;
  {
    const std::string sql = std::string("SELECT id, entity, property, value, observed_at, ident FROM statements "
                                        "WHERE kind = 0 AND (property IN (") +
                            kDirect + "," + kRecord + ") OR ident = 1) ORDER BY id";
    RawQuery q(db, sql);
    std::string last_time;
    UnixMillis at = kNoTime;
    PendingLinks pending;
    while (q.step("read links")) {
      const auto rid = static_cast<std::size_t>(q.int64(1));
      if (rid >= node_of_rid.size()) continue;  // a statement without its entity row: not a link
      const NodeIndex source = node_of_rid[rid];
      const std::string_view property = q.text(2);
      const auto direct = property == "mentions" ? std::nullopt : direct_link_type(property);
      if (!direct) {
        // An entity without a caption is named by its first identifier value (an E.164
        // number, an IBAN...), as every export labels it.
        if (q.int64(5) == 1) b.label_if_unnamed(source, q.text(3));
        SourcedStatement s;
        s.id = q.int64(0);
        const Node& n = b.node(source);  // the canonical entity's, for a merged one
        s.statement.entity_id = n.id;
        s.statement.schema = n.schema;
        s.statement.property = property;
        s.statement.value = q.text(3);
        s.statement.prov.observed_at = q.text(4);
        records.push_back(std::move(s));
        continue;
      }
      // Statements of one import share their time: parse it once per change.
      if (const auto t = q.text(4); t != last_time) {
        last_time = t;
        const auto parsed = parse_iso8601(t);
        at = parsed ? *parsed : kNoTime;
      }
      pending.add(source, q.text(3), *direct, at, q.int64(0));
      if (pending.full()) pending.flush(b);
    }
    pending.flush(b);
  }
  for (const auto& e : edges_from_statements(records, options)) {
    // Two merged entities are one node: a link between them is no link.
    const NodeIndex source = b.add_node(e.source), target = b.add_node(e.target);
    if (source != target) b.add_edge(source, target, e.type, e.weight, e.at, e.statements);
  }
  add_proposed_merges(db, b);
  return b.build();
}

}  // namespace corridor::graph

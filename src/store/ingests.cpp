#include "store/ingests.hpp"

#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/ledger_batch.hpp"

namespace corridor::store {

namespace {

// ?1 the item: `tree` is the item and the files nested in it, at any depth.
constexpr std::string_view kTree =
    "WITH RECURSIVE tree(id) AS (SELECT ?1 UNION SELECT e.id FROM evidence e JOIN tree t ON e.parent_id = t.id) ";

// A statement over the item's tree, its parameters bound (?2 the kept extractor).
Stmt over_tree(Db& db, std::int64_t evidence_id, std::string_view kept, std::string_view sql) {
  Stmt s(db, std::string(kTree) + std::string(sql));
  s.bind(1, evidence_id);
  if (sql.find("?2") != std::string_view::npos) s.bind(2, kept);
  return s;
}

std::int64_t deleted(Db& db, std::int64_t evidence_id, std::string_view kept, std::string_view sql) {
  over_tree(db, evidence_id, kept, sql).run();
  return db.changes();
}

struct Citing {
  std::vector<std::int64_t> open;  // never reviewed
  std::int64_t reviewed = 0;
};

// Indicators with a reason citing a statement that is replaced. reason_statements drives
// the join (CROSS JOIN keeps it outermost): it is small and has no index by statement,
// while a file may carry millions of statements.
Citing citing_indicators(Db& db, std::int64_t evidence_id, std::string_view kept) {
  Stmt q = over_tree(db, evidence_id, kept,
                     "SELECT DISTINCT i.id, i.review <> 'open' OR i.id IN (SELECT indicator FROM indicator_reviews) "
                     "FROM reason_statements rs CROSS JOIN statements s ON s.id = rs.statement "
                     "JOIN indicator_reasons r ON r.id = rs.reason JOIN indicators i ON i.id = r.indicator "
                     "WHERE s.evidence IN tree AND s.extractor <> ?2");
  Citing out;
  while (q.step())
    if (q.int64(1))
      ++out.reviewed;
    else
      out.open.push_back(q.int64(0));
  return out;
}

// Its subjects, reasons and cited statements first: foreign keys (and their cascades) may be off.
void delete_indicator(Db& db, std::int64_t id) {
  for (const char* sql : {"DELETE FROM reason_statements WHERE reason IN (SELECT id FROM indicator_reasons WHERE indicator = ?)",
                          "DELETE FROM indicator_reasons WHERE indicator = ?",
                          "DELETE FROM indicator_subjects WHERE indicator = ?", "DELETE FROM indicators WHERE id = ?"}) {
    Stmt s(db, sql);
    s.bind(1, id).run();
  }
}

void check_cited_statements(Db& db) {
  Stmt q(db, "SELECT count(*) FROM reason_statements rs WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.id = "
             "rs.statement)");
  if (q.step() && q.int64(0))
    throw Error(db.path(), "replacing an ingest would leave indicator reasons citing deleted statements", Error::kCase);
}

}  // namespace

bool already_ingested(Db& db, std::int64_t evidence_id) {
  Stmt s(db, "SELECT 1 FROM ingests WHERE evidence_id = ? LIMIT 1");
  s.bind(1, evidence_id);
  return s.step();
}

ReplacedIngest replace_previous_ingest(Db& db, std::int64_t evidence_id, std::string_view kept_extractor) {
  const Citing citing = citing_indicators(db, evidence_id, kept_extractor);
  if (const std::int64_t n = citing.reviewed)
    throw Error(std::to_string(n) + (n == 1 ? " reviewed indicator cites" : " reviewed indicators cite") +
                " statements of this file: reading it again (--again) would take their evidence away");
  ReplacedIngest out;
  for (const std::int64_t id : citing.open) {
    tombstone_in_batch(db, "indicators", id);
    delete_indicator(db, id);
  }
  out.indicators = static_cast<std::int64_t>(citing.open.size());
  const auto gone = [&](std::string_view sql) { return deleted(db, evidence_id, kept_extractor, sql); };
  const auto span = [&](const char* table, std::string_view where) {
    Stmt q = over_tree(db, evidence_id, kept_extractor,
                       "SELECT min(id), max(id) FROM " + std::string(table) + " WHERE " + std::string(where));
    if (q.step() && !q.is_null(0)) out.spans.push_back({table, q.int64(0), q.int64(1)});
  };
  span("statements", "evidence IN tree AND extractor <> ?2");
  span("ais_positions", "evidence IN tree");
  span("ais_identities", "evidence IN tree");
  span("ingests", "evidence_id IN tree");
  out.statements = gone("DELETE FROM statements WHERE evidence IN tree AND extractor <> ?2");
  out.ais_rows = gone("DELETE FROM ais_positions WHERE evidence IN tree");
  out.ais_rows += gone("DELETE FROM ais_identities WHERE evidence IN tree");
  out.ingests = gone("DELETE FROM ingests WHERE evidence_id IN tree");
  check_cited_statements(db);
  return out;
}

ReplacingIngest::ReplacingIngest(Db& db, bool replacing) : db_(db), replacing_(replacing) {
  if (replacing_) db_.exec("PRAGMA foreign_keys=OFF");
}

ReplacingIngest::~ReplacingIngest() {
  if (replacing_) sqlite3_exec(db_.handle(), "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
}

}  // namespace corridor::store

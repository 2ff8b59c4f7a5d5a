#include "app/statement_removal.hpp"

#include <algorithm>

#include "core/number_spellings.hpp"

namespace corridor::app {

namespace {

std::vector<std::int64_t> ids_of(store::Db& db, const std::string& sql, std::int64_t bind) {
  store::Stmt q(db, sql);
  q.bind(1, bind);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

void run(store::Db& db, const char* sql, std::int64_t bind) {
  store::Stmt s(db, sql);
  s.bind(1, bind).run();
}

}  // namespace

void erase_row(store::LedgerBatch& batch, store::Db& db, std::string_view table, std::string_view id_column,
               std::int64_t id) {
  batch.tombstone(table, id);
  store::Stmt del(db, "DELETE FROM " + std::string(table) + " WHERE " + std::string(id_column) + " = ?");
  del.bind(1, id).run();
}

void erase_indicator(store::LedgerBatch& batch, store::Db& db, std::int64_t indicator, RemovalCounts& n) {
  for (auto rv : ids_of(db, "SELECT id FROM indicator_reviews WHERE indicator = ?", indicator)) {
    erase_row(batch, db, "indicator_reviews", "id", rv);
    ++n.reviews;
  }
  batch.tombstone("indicators", indicator);  // tombstones its reasons too
  run(db, "DELETE FROM reason_statements WHERE reason IN (SELECT id FROM indicator_reasons WHERE indicator = ?)",
      indicator);
  run(db, "DELETE FROM indicator_reasons WHERE indicator = ?", indicator);
  run(db, "DELETE FROM indicator_subjects WHERE indicator = ?", indicator);
  run(db, "DELETE FROM indicators WHERE id = ?", indicator);
  ++n.indicators;
}

void erase_entity_rows(store::LedgerBatch& batch, store::Db& db, std::int64_t rid, const std::string& id,
                       RemovalCounts& n) {
  const auto each = [&](const char* sql, const char* table, std::size_t* count) {
    store::Stmt q(db, sql);
    q.bind(1, id);
    std::vector<std::int64_t> rows;
    while (q.step()) rows.push_back(q.int64(0));
    for (auto x : rows) erase_row(batch, db, table, "id", x);
    if (count) *count += rows.size();
  };
  each("SELECT id FROM subject_categories WHERE entity = ?", "subject_categories", &n.categories);
  each("SELECT id FROM kept_apart WHERE a = ?1 OR b = ?1", "kept_apart", &n.kept_apart);
  each("SELECT id FROM restrictions WHERE entity = ?", "restrictions", nullptr);
  batch.tombstone("entities", rid);  // as inserted: reads its caption changes first
  for (auto x : ids_of(db, "SELECT id FROM row_changes WHERE tbl = 'entities' AND row_id = ? AND col != '*'", rid)) {
    erase_row(batch, db, "row_changes", "id", x);
    ++n.changes;
  }
  run(db, "DELETE FROM entities WHERE rid = ?", rid);
  ++n.entities;
}

std::string scrubbed(std::string text, std::vector<std::string> scrub) {
  std::erase_if(scrub, [](const std::string& s) { return s.empty(); });
  // Longest first: a full name before the given name inside it. One pass, so a quote is
  // never looked for inside the marks put in.
  std::sort(scrub.begin(), scrub.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto hit = std::find_if(scrub.begin(), scrub.end(), [&](const std::string& q) { return text.compare(i, q.size(), q) == 0; });
    if (hit == scrub.end()) {
      out += text[i++];
      continue;
    }
    out += "[erased]";
    i += hit->size();
  }
  // A number quoted with other spacing ("07400 123456" for +447400123456).
  std::vector<std::string> keys;
  for (const auto& q : scrub)
    if (auto key = number_key(q); !key.empty()) keys.push_back(std::move(key));
  if (keys.empty()) return out;
  const auto runs = number_runs(out);
  for (auto run = runs.rbegin(); run != runs.rend(); ++run)
    if (std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return spells(k, *run); }))
      out.replace(run->offset, run->length, "[erased]");
  return out;
}

std::vector<std::int64_t> remove_reasons_citing(store::LedgerBatch& batch, store::Db& db,
                                                const std::set<std::int64_t>& gone,
                                                const std::vector<std::string>& scrub, RemovalCounts& n) {
  std::set<std::int64_t> citing, touched;
  {
    // reason_statements is small and has no index by statement: one pass over it.
    store::Stmt q(db, "SELECT reason, statement FROM reason_statements");
    while (q.step())
      if (gone.contains(q.int64(1))) citing.insert(q.int64(0));
  }
  for (auto reason : citing) {
    std::vector<std::int64_t> rest;
    for (auto s : ids_of(db, "SELECT statement FROM reason_statements WHERE reason = ? ORDER BY statement", reason))
      if (!gone.contains(s)) rest.push_back(s);
    store::Stmt get(db, "SELECT indicator, position, text, weight FROM indicator_reasons WHERE id = ?");
    get.bind(1, reason);
    if (!get.step()) continue;
    const std::int64_t indicator = get.int64(0), position = get.int64(1);
    const std::string text = get.text(2);
    const double weight = get.real(3);
    touched.insert(indicator);
    batch.tombstone("indicator_reasons", reason);
    run(db, "DELETE FROM reason_statements WHERE reason = ?", reason);
    run(db, "DELETE FROM indicator_reasons WHERE id = ?", reason);
    if (rest.empty()) {
      ++n.reasons;
      continue;
    }
    store::Stmt put(db, "INSERT INTO indicator_reasons(indicator, position, text, weight) VALUES(?,?,?,?)");
    put.bind(1, indicator).bind(2, position).bind(3, scrubbed(text, scrub)).bind(4, weight).run();
    const std::int64_t again = db.last_insert_rowid();
    store::Stmt cite(db, "INSERT INTO reason_statements(reason, statement) VALUES(?,?)");
    for (auto s : rest) cite.bind(1, again).bind(2, s).run();
    ++n.reasons_kept;
  }
  std::vector<std::int64_t> bare;
  for (auto i : touched)
    if (ids_of(db, "SELECT id FROM indicator_reasons WHERE indicator = ? LIMIT 1", i).empty()) bare.push_back(i);
  return bare;
}

}  // namespace corridor::app

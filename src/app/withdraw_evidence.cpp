#include "app/withdraw_evidence.hpp"

#include <algorithm>
#include <set>

#include "app/actor.hpp"
#include "app/statement_removal.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "model/entity_keys.hpp"
#include "store/search_index.hpp"
#include "store/audit_ledger.hpp"
#include "store/evidence_store.hpp"
#include "store/evidence_vault.hpp"
#include "store/ledger_batch.hpp"

namespace corridor::app {

namespace fs = std::filesystem;

namespace {

bool all_digits(const std::string& s) { return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }); }

Evidence find_item(store::EvidenceStore& evidence, const std::string& item) {
  std::optional<Evidence> e;
  if (all_digits(item) && item.size() < 19) e = evidence.by_id(std::stoll(item));
  else e = evidence.by_sha256(item);
  if (!e) throw Error("evidence " + item, "no such evidence item in the case (give its id or its SHA-256)", 3);
  return *e;
}

// The item and every item extracted from it, at any depth, parents first.
std::vector<Evidence> tree_of(store::Db& db, store::EvidenceStore& evidence, const Evidence& root) {
  store::Stmt q(db,
                "WITH RECURSIVE tree(id) AS (SELECT ?1 UNION SELECT e.id FROM evidence e JOIN tree t ON e.parent_id = t.id) "
                "SELECT id FROM tree ORDER BY id");
  q.bind(1, root.id);
  std::vector<Evidence> out{root};
  while (q.step())
    if (q.int64(0) != root.id) out.push_back(*evidence.by_id(q.int64(0)));
  return out;
}

std::string id_list(const std::vector<Evidence>& items) {
  std::string out;
  for (const auto& e : items) out += (out.empty() ? "" : ",") + std::to_string(e.id);
  return out;
}

std::vector<std::int64_t> ids_where(store::Db& db, const std::string& sql) {
  store::Stmt q(db, sql);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

// Copies the vault items out, each checked against its SHA-256, before anything changes.
std::vector<fs::path> hand_over(store::CaseFolder& c, const std::vector<Evidence>& items, const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(dir.string(), "cannot make the hand-over folder: " + ec.message(), 2);
  const fs::path root = fs::canonical(c.dir(), ec), to = fs::canonical(dir, ec);
  if (!ec && std::mismatch(root.begin(), root.end(), to.begin(), to.end()).first == root.end())
    throw Error(dir.string(), "is inside the case folder; hand the exhibit over outside it", 2);
  std::vector<fs::path> out;
  for (const auto& e : items) {
    if (!c.vault().contains(e.sha256)) continue;
    const fs::path target = dir / e.sha256;
    if (fs::exists(target, ec)) throw Error(target.string(), "already exists; refused to overwrite it", 2);
    fs::copy_file(c.vault().path_of(e.sha256), target, ec);
    if (ec) throw Error(target.string(), "cannot copy the exhibit: " + ec.message(), 2);
    if (store::sha256_file(target) != e.sha256)
      throw Error(target.string(), "the copy does not hash to " + e.sha256 + "; nothing was withdrawn", 2);
    out.push_back(target);
  }
  return out;
}

struct Withdrawal {
  store::Db& db;
  store::LedgerBatch& batch;
  std::string tree;  // "(1,2,3)"
  RemovalCounts removed;

  // Vessel indicators rest on AIS positions, which no reason cites: those about a vessel
  // with positions in the withdrawn items go (`detect` recomputes them from what is left).
  void vessel_indicators() {
    std::set<std::int64_t> about;
    store::Stmt mmsis(db, "SELECT DISTINCT mmsi FROM ais_positions WHERE evidence IN " + tree +
                              " UNION SELECT DISTINCT mmsi FROM ais_identities WHERE evidence IN " + tree);
    store::Stmt of(db, "SELECT s.indicator FROM indicator_subjects s JOIN indicators i ON i.id = s.indicator "
                       "WHERE s.entity = ? AND i.detector LIKE 'vessels.%'");
    while (mmsis.step()) {
      of.bind(1, keys::vessel(std::to_string(mmsis.int64(0))));
      while (of.step()) about.insert(of.int64(0));
      of.reset();
    }
    for (auto i : about) erase_indicator(batch, db, i, removed);
  }

  std::set<std::int64_t> statements() {
    const auto v = ids_where(db, "SELECT id FROM statements WHERE evidence IN " + tree);
    return {v.begin(), v.end()};
  }

  void rows(const char* table, std::size_t& count) {
    for (auto id : ids_where(db, std::string("SELECT id FROM ") + table + " WHERE evidence IN " + tree + " ORDER BY id")) {
      erase_row(batch, db, table, "id", id);
      ++count;
    }
  }

  // Entities nothing else speaks of once the statements are gone: no statement of their
  // own, none naming them, none merged into them.
  void orphans(const std::vector<std::int64_t>& touched) {
    store::Stmt get(db, "SELECT id FROM entities WHERE rid = ?1 AND NOT EXISTS (SELECT 1 FROM statements WHERE entity = ?1)");
    store::Stmt named(db, "SELECT 1 FROM statements WHERE value = ?1 UNION ALL SELECT 1 FROM entities WHERE canonical_id = "
                          "?1 AND id <> ?1 LIMIT 1");
    store::Stmt about(db, "SELECT indicator FROM indicator_subjects WHERE entity = ?");
    for (auto rid : touched) {
      get.bind(1, rid);
      const bool orphan = get.step();
      const std::string id = orphan ? get.text(0) : "";
      get.reset();
      if (!orphan) continue;
      named.bind(1, id);
      const bool kept = named.step();
      named.reset();
      if (kept) continue;
      std::vector<std::int64_t> indicators;
      about.bind(1, id);
      while (about.step()) indicators.push_back(about.int64(0));
      about.reset();
      for (auto i : indicators) erase_indicator(batch, db, i, removed);
      erase_entity_rows(batch, db, rid, id, removed);
    }
  }
};

void remove_copies(store::CaseFolder& c, WithdrawalReport& r) {
  for (const auto& e : r.items) {
    std::string why;
    if (!c.vault().remove_withdrawn(e.sha256, why)) r.still_in_vault.push_back(why);
  }
}

}  // namespace

WithdrawalReport withdraw_evidence(store::CaseFolder& c, const WithdrawalRequest& req) {
  if (req.legal_basis.empty()) throw Error("withdraw " + req.item, "a withdrawal needs --legal-basis", 2);
  if (req.why.empty()) throw Error("withdraw " + req.item, "a withdrawal needs --why", 2);
  store::EvidenceStore evidence(c.db());
  const Evidence root = find_item(evidence, req.item);
  WithdrawalReport r;
  r.items = tree_of(c.db(), evidence, root);
  if (auto w = evidence.withdrawal(root.id)) {
    const bool left = std::any_of(r.items.begin(), r.items.end(), [&](const Evidence& e) { return c.vault().contains(e.sha256); });
    if (!left)
      throw Error("evidence " + std::to_string(root.id), "already withdrawn on " + w->at + " (" + w->legal_basis + ")", 2);
    r.already = true;  // a removal interrupted after the commit: finish it
    if (!req.hand_over.empty()) r.handed_over = hand_over(c, r.items, req.hand_over);
    remove_copies(c, r);
    return r;
  }
  if (!req.hand_over.empty()) r.handed_over = hand_over(c, r.items, req.hand_over);

  store::Transaction tx(c.db());
  store::LedgerBatch batch(c.db());
  Withdrawal w{c.db(), batch, "(" + id_list(r.items) + ")", {}};
  const auto touched = ids_where(c.db(), "SELECT DISTINCT entity FROM statements WHERE evidence IN " + w.tree);
  w.vessel_indicators();
  const auto gone = w.statements();
  for (auto i : remove_reasons_citing(batch, c.db(), gone, {}, w.removed)) erase_indicator(batch, c.db(), i, w.removed);
  for (auto s : gone) erase_row(batch, c.db(), "statements", "id", s);
  r.statements = gone.size();
  w.rows("ais_positions", r.ais_rows);
  w.rows("ais_identities", r.ais_rows);
  w.orphans(touched);
  r.entities = w.removed.entities;
  r.indicators = w.removed.indicators;
  r.reviews = w.removed.reviews;
  r.reasons = w.removed.reasons;
  r.reasons_kept = w.removed.reasons_kept;

  const std::string now = utc_now(), tool = tool_name();
  for (const auto& e : r.items)
    evidence.add_custody({0, e.sha256, CustodyAction::Withdrawn, req.actor, now, "withdrawn from the case", tool,
                          req.legal_basis,
                          e.id == root.id ? req.why : "extracted from evidence " + std::to_string(root.id) + ", withdrawn with it"});
  const std::string object =
      "withdrew evidence " + std::to_string(root.id) + " " + root.sha256 + " (" + root.original_name + ")" +
      (r.items.size() > 1 ? " and " + std::to_string(r.items.size() - 1) + " items extracted from it" : "") + ": " +
      std::to_string(r.statements) + " statements, " + std::to_string(r.ais_rows) + " AIS rows, " +
      std::to_string(r.entities) + " entities, " + std::to_string(r.indicators) + " indicators, " +
      std::to_string(r.reasons) + " reasons" + (r.handed_over.empty() ? "" : "; bytes handed over before removal");
  store::AuditLedger ledger(c.db());
  const auto entry = batch.commit(
      ledger,
      store::EntryContent{req.actor, store::audit_action::kErasure, object, "legal basis: " + req.legal_basis + "; " + req.why, "", ""},
      c.keys());
  r.entry = entry.seq;
  tx.commit();
  store::discard_search_index(c.dir());  // no word read from the exhibit stays findable
  // After the commit: a crash here leaves copies that verify reports and a second run removes.
  remove_copies(c, r);
  return r;
}

}  // namespace corridor::app

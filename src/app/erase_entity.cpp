#include "app/erase_entity.hpp"

#include <algorithm>
#include <set>

#include "app/statement_removal.hpp"
#include "core/error.hpp"
#include "store/search_index.hpp"
#include "store/audit_ledger.hpp"
#include "store/ledger_batch.hpp"

namespace corridor::app {

namespace {

std::vector<std::int64_t> ids_of(store::Db& db, const std::string& sql, const std::vector<std::string>& binds) {
  store::Stmt q(db, sql);
  for (std::size_t i = 0; i < binds.size(); ++i) q.bind(static_cast<int>(i + 1), binds[i]);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.int64(0));
  return out;
}

struct Erasure {
  store::CaseFolder& c;
  store::LedgerBatch& batch;
  ErasureReport& r;
  std::vector<std::string> ids;
  std::vector<std::int64_t> rids;
  std::set<std::int64_t> erased_statements;
  RemovalCounts removed;

  store::Db& db() { return c.db(); }

  void cluster(const std::string& entity) {
    store::Stmt canon(db(), "SELECT canonical_id FROM entities WHERE id = ?");
    canon.bind(1, entity);
    if (!canon.step()) throw Error("entity " + entity, "no such entity in the case", 3);
    const std::string canonical = canon.text(0);
    store::Stmt members(db(), "SELECT rid, id FROM entities WHERE canonical_id = ?1 OR id = ?1 OR id = ?2 ORDER BY rid");
    members.bind(1, canonical).bind(2, entity);
    while (members.step()) {
      rids.push_back(members.int64(0));
      ids.push_back(members.text(1));
    }
    r.entities = ids;
  }

  void statements() {
    std::set<std::int64_t> own;
    store::Stmt of(db(), "SELECT id FROM statements WHERE entity = ?");
    for (auto rid : rids) {
      of.bind(1, rid);
      while (of.step()) own.insert(of.int64(0));
      of.reset();
    }
    // Other entities' statements naming it: a message's sender, a mention, an owner.
    std::set<std::int64_t> naming;
    for (const auto& id : ids)
      for (auto s : ids_of(db(), "SELECT id FROM statements WHERE value = ?", {id}))
        if (!own.contains(s)) naming.insert(s);
    r.statements = own.size();
    r.references = naming.size();
    erased_statements = own;
    erased_statements.insert(naming.begin(), naming.end());
  }

  void indicators() {
    std::set<std::int64_t> about;
    for (const auto& id : ids)
      for (auto i : ids_of(db(), "SELECT indicator FROM indicator_subjects WHERE entity = ?", {id})) about.insert(i);
    for (auto i : about) erase_indicator(batch, db(), i, removed);
  }

  // What a kept reason may quote of the person: its captions and identifiers, as stored
  // and as written in the evidence.
  std::vector<std::string> quotable() {
    std::vector<std::string> out;
    store::Stmt caption(db(), "SELECT caption FROM entities WHERE rid = ?");
    store::Stmt idents(db(), "SELECT value, original_value FROM statements WHERE entity = ? AND ident = 1");
    for (auto rid : rids) {
      caption.bind(1, rid);
      while (caption.step()) out.push_back(caption.text(0));
      caption.reset();
      idents.bind(1, rid);
      while (idents.step()) {
        out.push_back(idents.text(0));
        out.push_back(idents.text(1));
      }
      idents.reset();
    }
    return out;
  }

  // Reasons of other indicators citing an erased statement: deleted when nothing else
  // supports them, else kept citing what remains, with the person's names scrubbed.
  void reasons() {
    for (auto i : remove_reasons_citing(batch, db(), erased_statements, quotable(), removed)) erase_indicator(batch, db(), i, removed);
  }

  void statements_and_entities() {
    for (auto s : erased_statements) erase_row(batch, db(), "statements", "id", s);
    for (std::size_t i = 0; i < rids.size(); ++i) erase_entity_rows(batch, db(), rids[i], ids[i], removed);
  }

  void redact_entries() {
    store::AuditLedger ledger(db());
    std::set<std::int64_t> naming;
    store::Stmt q(db(), "SELECT seq FROM audit WHERE v >= 2 AND redacted = '' AND (instr(object, ?1) > 0 OR "
                        "instr(justification, ?1) > 0)");
    for (const auto& id : ids) {
      q.bind(1, id);
      while (q.step()) naming.insert(q.int64(0));
      q.reset();
    }
    for (auto seq : naming) ledger.redact(seq, "redacted by the erasure of entry " + std::to_string(batch.seq()));
    r.redacted_entries = naming.size();
  }
};

}  // namespace

ErasureReport erase_entity(store::CaseFolder& c, const std::string& entity, const std::string& legal_basis,
                           const std::string& actor, const std::string& why) {
  if (legal_basis.empty()) throw Error("erase " + entity, "an erasure needs --legal-basis", 2);
  if (why.empty()) throw Error("erase " + entity, "an erasure needs --why", 2);
  ErasureReport r;
  store::Transaction tx(c.db());
  store::LedgerBatch batch(c.db());
  Erasure e{c, batch, r, {}, {}, {}, {}};
  e.cluster(entity);
  e.statements();
  e.indicators();
  e.reasons();
  e.statements_and_entities();
  e.redact_entries();
  r.reasons = e.removed.reasons;
  r.reasons_kept = e.removed.reasons_kept;
  r.indicators = e.removed.indicators;
  r.reviews = e.removed.reviews;
  r.categories = e.removed.categories;
  r.kept_apart = e.removed.kept_apart;
  r.changes = e.removed.changes;
  store::AuditLedger ledger(c.db());
  const std::string object = "erased entity " + entity + " (" + std::to_string(r.entities.size()) + " entities, " +
                             std::to_string(r.statements) + " statements, " + std::to_string(r.references) +
                             " statements naming it, " + std::to_string(r.indicators) + " indicators, " +
                             std::to_string(r.reasons) + " reasons; " + std::to_string(r.redacted_entries) +
                             " ledger entries redacted)";
  const auto entry = batch.commit(
      ledger, store::EntryContent{actor, store::audit_action::kErasure, object, "legal basis: " + legal_basis + "; " + why, "", ""},
      c.keys());
  r.entry = entry.seq;
  tx.commit();
  store::discard_search_index(c.dir());  // no erased word may stay findable
  return r;
}

}  // namespace corridor::app

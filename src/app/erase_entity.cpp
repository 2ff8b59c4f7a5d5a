#include "app/erase_entity.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"
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

// Tombstones then deletes one row of a table under the ledger.
void erase_row(store::LedgerBatch& batch, store::Db& db, std::string_view table, std::string_view id_column,
               std::int64_t id) {
  batch.tombstone(table, id);
  store::Stmt del(db, "DELETE FROM " + std::string(table) + " WHERE " + std::string(id_column) + " = ?");
  del.bind(1, id).run();
}

struct Erasure {
  store::CaseFolder& c;
  store::LedgerBatch& batch;
  ErasureReport& r;
  std::vector<std::string> ids;
  std::vector<std::int64_t> rids;
  std::set<std::int64_t> erased_statements;

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
    for (auto i : about) {
      for (auto rv : ids_of(db(), "SELECT id FROM indicator_reviews WHERE indicator = ?", {std::to_string(i)})) {
        erase_row(batch, db(), "indicator_reviews", "id", rv);
        ++r.reviews;
      }
      batch.tombstone("indicators", i);  // tombstones its reasons too
      store::Stmt del_cites(db(), "DELETE FROM reason_statements WHERE reason IN (SELECT id FROM indicator_reasons WHERE indicator = ?)");
      del_cites.bind(1, i).run();
      store::Stmt del_reasons(db(), "DELETE FROM indicator_reasons WHERE indicator = ?");
      del_reasons.bind(1, i).run();
      store::Stmt del(db(), "DELETE FROM indicators WHERE id = ?");
      del.bind(1, i).run();
      ++r.indicators;
    }
  }

  // Reasons of other indicators citing an erased statement: deleted when nothing else
  // supports them, else replaced by the same reason citing only what remains.
  void reasons() {
    std::set<std::int64_t> citing;
    store::Stmt q(db(), "SELECT reason FROM reason_statements WHERE statement = ?");
    for (auto s : erased_statements) {
      q.bind(1, s);
      while (q.step()) citing.insert(q.int64(0));
      q.reset();
    }
    for (auto reason : citing) {
      std::vector<std::int64_t> rest;
      for (auto s : ids_of(db(), "SELECT statement FROM reason_statements WHERE reason = ? ORDER BY statement",
                           {std::to_string(reason)}))
        if (!erased_statements.contains(s)) rest.push_back(s);
      store::Stmt get(db(), "SELECT indicator, position, text, weight FROM indicator_reasons WHERE id = ?");
      get.bind(1, reason);
      if (!get.step()) continue;
      const std::int64_t indicator = get.int64(0), position = get.int64(1);
      const std::string text = get.text(2);
      const double weight = get.real(3);
      batch.tombstone("indicator_reasons", reason);
      store::Stmt del_cites(db(), "DELETE FROM reason_statements WHERE reason = ?");
      del_cites.bind(1, reason).run();
      store::Stmt del(db(), "DELETE FROM indicator_reasons WHERE id = ?");
      del.bind(1, reason).run();
      if (rest.empty()) {
        ++r.reasons;
        continue;
      }
      store::Stmt put(db(), "INSERT INTO indicator_reasons(indicator, position, text, weight) VALUES(?,?,?,?)");
      put.bind(1, indicator).bind(2, position).bind(3, text).bind(4, weight).run();
      const std::int64_t again = db().last_insert_rowid();
      store::Stmt cite(db(), "INSERT INTO reason_statements(reason, statement) VALUES(?,?)");
      for (auto s : rest) cite.bind(1, again).bind(2, s).run();
      ++r.reasons_kept;
    }
  }

  void rows_naming_it() {
    for (const auto& id : ids) {
      for (auto x : ids_of(db(), "SELECT id FROM subject_categories WHERE entity = ?", {id})) {
        erase_row(batch, db(), "subject_categories", "id", x);
        ++r.categories;
      }
      for (auto x : ids_of(db(), "SELECT id FROM kept_apart WHERE a = ?1 OR b = ?1", {id})) {
        erase_row(batch, db(), "kept_apart", "id", x);
        ++r.kept_apart;
      }
      for (auto x : ids_of(db(), "SELECT id FROM restrictions WHERE entity = ?", {id})) erase_row(batch, db(), "restrictions", "id", x);
    }
  }

  void statements_and_entities() {
    for (auto s : erased_statements) erase_row(batch, db(), "statements", "id", s);
    for (auto rid : rids) {
      batch.tombstone("entities", rid);  // as inserted: reads its caption changes first
      // The recorded changes of its caption and canonical id hold its names.
      for (auto x : ids_of(db(), "SELECT id FROM row_changes WHERE tbl = 'entities' AND row_id = ? AND col != '*'",
                           {std::to_string(rid)})) {
        erase_row(batch, db(), "row_changes", "id", x);
        ++r.changes;
      }
      store::Stmt del(db(), "DELETE FROM entities WHERE rid = ?");
      del.bind(1, rid).run();
    }
    // Entities merged into an erased one fall back to themselves (none left: the cluster is erased).
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
  Erasure e{c, batch, r, {}, {}, {}};
  e.cluster(entity);
  e.statements();
  e.indicators();
  e.reasons();
  e.rows_naming_it();
  e.statements_and_entities();
  e.redact_entries();
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
  return r;
}

}  // namespace corridor::app

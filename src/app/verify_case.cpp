#include "app/verify_case.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "store/evidence_store.hpp"
#include "store/private_files.hpp"
#include "store/row_commitments.hpp"

namespace corridor::app {

namespace {

std::optional<CustodyEvent> withdrawn(store::CaseFolder& c, const Evidence& e) {
  return store::EvidenceStore(c.db()).withdrawal(e.id);
}

void check_items(store::CaseFolder& c, const std::vector<Evidence>& items, bool show, VerifyReport& r) {
  std::uint64_t total = 0;
  for (const auto& e : items) total += e.size;
  Progress progress("verifying", total, show);
  for (const auto& e : items) {
    const std::string label = "evidence " + std::to_string(e.id) + " " + e.sha256 + " (" + e.original_name + ")";
    ++r.items_checked;
    if (auto w = withdrawn(c, e)) {
      if (c.vault().contains(e.sha256))
        r.problems.push_back(label + ": withdrawn on " + w->at + ", yet still in the vault (the removal did not "
                             "finish: run `corridor withdraw` on it again)");
      else
        r.notes.push_back(label + ": withdrawn on " + w->at + " (" + w->legal_basis + "); its bytes left the vault then");
      continue;
    }
    if (!c.vault().contains(e.sha256)) {
      r.problems.push_back(label + ": missing from the vault");
      continue;
    }
    const std::string now = c.vault().rehash(e.sha256, &progress);
    if (now != e.sha256) r.problems.push_back(label + ": vault copy changed, it now hashes to " + now);
  }
  progress.finish();
  std::set<std::string> known;
  for (const auto& e : items) known.insert(e.sha256);
  for (const auto& sha : c.vault().list())
    if (!known.count(sha))
      r.problems.push_back("vault holds " + sha + ", which no evidence row records (an evidence row was deleted, or "
                           "a file was put into the vault by hand)");
  for (const auto& t : c.vault().temporaries())
    r.notes.push_back("vault/tmp holds " + t + ", a temporary of an add or ingest still running or interrupted");
}

void check_integrity(store::Db& db, VerifyReport& r) {
  store::Stmt q(db, "PRAGMA integrity_check");
  while (q.step())
    if (q.text(0) != "ok") r.problems.push_back("case.db: SQLite integrity check: " + q.text(0));
}

void check_rows(store::Db& db, VerifyReport& r) {
  std::vector<std::pair<std::int64_t, store::RowCommitment>> batches;
  store::Stmt q(db, "SELECT seq, rows FROM audit WHERE v >= 2 ORDER BY seq");
  while (q.step()) {
    auto c = store::RowCommitment::parse(q.text(1));
    if (!c) {
      r.problems.push_back("audit entry " + std::to_string(q.int64(0)) + ": its row commitment cannot be read");
      continue;
    }
    if (!c->empty()) batches.emplace_back(q.int64(0), std::move(*c));
  }
  for (const auto& p : store::verify_rows(db, batches))
    r.problems.push_back(p.what + (p.batch && p.what.find("entry") == std::string::npos
                                       ? " (batch entry " + std::to_string(*p.batch) + ")"
                                       : ""));
}

}  // namespace

VerifyReport verify_case(store::CaseFolder& c, const VerifyOptions& opt) {
  VerifyReport r;
  check_integrity(c.db(), r);
  store::EvidenceStore evidence(c.db());
  const auto items = evidence.list();
  check_items(c, items, opt.progress, r);
  store::AuditLedger ledger(c.db());
  store::LedgerFacts facts;
  for (const auto& p : ledger.verify(c.public_key_hex(), &facts))
    r.problems.push_back(p.seq ? "audit entry " + std::to_string(*p.seq) + ": " + p.what : "audit ledger: " + p.what);
  r.ledger_entries = facts.entries;
  r.signed_entries = facts.signed_size;
  r.redacted = facts.redacted;
  for (const auto& n : facts.notes) r.notes.push_back(n);
  if (opt.against)
    for (const auto& p : ledger.verify_extends(*opt.against, c.public_key_hex()))
      r.problems.push_back("audit ledger: " + p.what);
  check_rows(c.db(), r);
  for (const auto& p : store::loose_permissions(c.dir())) r.problems.push_back("permissions: " + p);
  return r;
}

store::Checkpoint checkpoint_from_json(const std::string& text, const std::string& where) {
  try {
    const auto j = nlohmann::json::parse(text);
    store::Checkpoint c;
    c.tree_size = j.at("tree_size").get<std::int64_t>();
    c.root = j.at("root").get<std::string>();
    c.signature = j.at("signature").get<std::string>();
    c.at = j.value("at", "");
    if (c.tree_size < 0) throw Error(where, "tree_size is negative");
    return c;
  } catch (const nlohmann::json::exception& e) {
    throw Error(where, std::string("not a checkpoint as 'corridor log --checkpoint' prints it: ") + e.what());
  }
}

std::string checkpoint_json(const store::Checkpoint& c, const std::string& case_id, const std::string& public_key) {
  nlohmann::ordered_json j{{"case_id", case_id},       {"tree_size", c.tree_size}, {"root", c.root},
                           {"at", c.at},                {"signature", c.signature}, {"public_key", public_key},
                           {"signed_message", c.message()}};
  return j.dump(2);
}

}  // namespace corridor::app
